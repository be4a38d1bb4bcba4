#ifndef CSQLITEBENCH_SHIM_H
#define CSQLITEBENCH_SHIM_H

// The system's SQLite, for the raw-insert baseline of the record-sqlite workload.
#include <sqlite3.h>

#endif

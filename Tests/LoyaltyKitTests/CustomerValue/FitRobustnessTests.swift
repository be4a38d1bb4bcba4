import Foundation
import Testing
@testable import LoyaltyKit

@Suite("Fit robustness")
struct FitRobustnessTests {
    /// Random small, awkward data sets (few customers, purchases on the last day, huge
    /// frequencies, tiny ages): every fit must return finite parameters or throw a
    /// `LoyaltyError`, never trap or return NaN.
    @Test("fits on random awkward data either succeed with finite parameters or throw a typed error",
          arguments: 0..<40)
    func randomData(seed: Int) throws {
        var generator = CustomerValueRandomGenerator(seed: UInt64(seed) &* 7919)
        let n = 1 + Int(generator.nextUniform() * 40)
        var x: [Int] = [], tx: [Double] = [], t: [Double] = [], z: [Double] = []
        for _ in 0..<n {
            let age = generator.nextUniform() < 0.2 ? generator.nextUniform() * 0.01 : generator.nextUniform() * 500
            let frequency = generator.nextUniform() < 0.5 ? 0 : Int(pow(generator.nextUniform(), 4) * 3000)
            let recency = frequency == 0 ? 0 : (generator.nextUniform() < 0.3 ? age : generator.nextUniform() * age)
            x.append(frequency)
            tx.append(recency)
            t.append(age)
            z.append(frequency == 0 ? 0 : 0.01 + generator.nextUniform() * 1000)
        }
        let data = try RecencyFrequencyData(frequency: x, recency: tx, age: t, timeUnit: .days)
        func check(_ parameters: [Double]?, _ fit: () throws -> [Double]) {
            do {
                let values = try fit()
                #expect(values.allSatisfy { $0.isFinite && $0 > 0 }, "parameters \(values)")
            } catch let error as LoyaltyError {
                #expect(error.code == .invalidData || error.code == .notConverged)
            } catch {
                Issue.record("unexpected error type \(error)")
            }
        }
        check(nil) { let m = try BGNBDModel.fit(data); return [m.r, m.alpha, m.a, m.b] }
        check(nil) { let m = try MBGNBDModel.fit(data); return [m.r, m.alpha, m.a, m.b] }
        check(nil) { let m = try ParetoNBDModel.fit(data); return [m.r, m.alpha, m.s, m.beta] }
        check(nil) { let m = try GammaGammaModel.fit(frequency: x, monetaryValue: z); return [m.p, m.q, m.gamma] }
    }
}

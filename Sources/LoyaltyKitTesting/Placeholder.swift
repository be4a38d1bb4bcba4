import LoyaltyKit

import Foundation
import Testing
@testable import FuheCore

/// 抽查: reproducible from the seed, the ratio rounded up, risk weighting favouring risky units.
@Suite struct SamplingTests {
    static func candidates(_ n: Int) -> [Sampling.Candidate] {
        (0..<n).map { Sampling.Candidate(dossierID: String(format: "SE-%03d", $0), unitName: "单位\($0)", pastDeviation: nil, overdueItems: 0) }
    }

    @Test func theSameSeedSelectsTheSameUnits() {
        let c = Self.candidates(40)
        let a = Sampling.select(c, ratio: Decimal(string: "0.3")!, method: .random, seed: 42)
        let b = Sampling.select(c.reversed(), ratio: Decimal(string: "0.3")!, method: .random, seed: 42)
        #expect(a == b)
        #expect(a.selected.count == 12)
        #expect(a.selected.count + a.notSelected.count == 40)
        #expect(Set(a.selected).isDisjoint(with: a.notSelected))
        let other = Sampling.select(c, ratio: Decimal(string: "0.3")!, method: .random, seed: 43)
        #expect(other.selected != a.selected)
        // A known answer, so that a change of the generator or the shuffle is noticed.
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func theRatioIsRoundedUpAndAtLeastOne() {
        #expect(Sampling.size(ratio: Decimal(string: "0.3")!, of: 11) == 4)
        #expect(Sampling.size(ratio: Decimal(string: "0.01")!, of: 11) == 1)
        #expect(Sampling.size(ratio: 1, of: 11) == 11)
        #expect(Sampling.size(ratio: Decimal(string: "0.5")!, of: 0) == 0)
    }

    @Test func riskWeightingFavoursDeviationAndOverdueItems() {
        let risky = Sampling.Candidate(dossierID: "SE-A", unitName: "甲", pastDeviation: Score("20"), overdueItems: 6)
        let calm = Sampling.Candidate(dossierID: "SE-B", unitName: "乙", pastDeviation: Score("0"), overdueItems: 0)
        #expect(risky.riskWeight == 11)
        #expect(calm.riskWeight == 1)
        let picks = (1...400).map { Sampling.select([risky, calm], ratio: Decimal(string: "0.5")!, method: .risk, seed: UInt64($0)).selected }
        let riskyShare = picks.filter { $0 == ["SE-A"] }.count
        // Expected 11/12 ≈ 367 of 400.
        #expect(riskyShare > 330 && riskyShare < 395, "\(riskyShare)")
        let random = (1...400).map { Sampling.select([risky, calm], ratio: Decimal(string: "0.5")!, method: .random, seed: UInt64($0)).selected }
        let randomShare = random.filter { $0 == ["SE-A"] }.count
        #expect(randomShare > 160 && randomShare < 240, "\(randomShare)")
    }
}

import Foundation
import Testing
import FuheStore
import FuheTestSupport

/// Leases respected by the real binary: replacing a unit that is out, importing into a copy,
/// checking out what is already out, merging an empty copy, and a copy still open.
@Suite struct LeaseCommandTests {
    func setUp(_ r: BinaryRunner) throws -> String {
        let store = r.file("s.sqlite")
        let result = try r.run(["import", "--store", store, "--samples"])
        #expect(result.status == 0, "\(result.stderr)")
        return store
    }

    @Test func replacingAUnitThatIsOutNeedsForceAndVoidsItsCopy() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try setUp(r)
        #expect(try r.run(["export", "--store", store, "--unit", "heshan", "--out", r.file("heshan.json")]).status == 0)
        #expect(try r.run(["checkout", "--store", store, "--unit", "heshan", "--out", r.file("c1.fuhe"), "--to", "张三"]).status == 0)
        // Checking the same unit out again warns who has it.
        let second = try r.run(["checkout", "--store", store, "--unit", "heshan", "--out", r.file("c2.fuhe"), "--to", "李四"])
        #expect(second.status == 0)
        #expect(second.stderr.contains("已借出给 张三（L-1"))

        let before = try r.run(["export", "--store", store]).stdout
        let refused = try r.run(["import", "--store", store, "--replace", r.file("heshan.json")])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("已借出（L-1，借给 张三") && refused.stderr.contains("--force") && refused.stderr.contains("什么都没有导入"))
        #expect(try r.run(["export", "--store", store]).stdout == before)
        #expect(try r.run(["import", "--store", store, "--force", r.file("heshan.json")]).stderr.contains("--force 只能与 --replace 一起用"))

        let forced = try r.run(["import", "--store", store, "--replace", "--force", r.file("heshan.json")])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("借出 L-1（张三）的副本从此不能再合并"))
        let leases = try r.run(["leases", "--store", store]).stdout
        #expect(leases.contains("不能合并：SE-HS-ZWZX-2021 已于") && leases.contains("fuhe leases --release L-1"))
        let merge = try r.run(["merge", "--store", store, r.file("c1.fuhe"), "--prefer", "copy"])
        #expect(merge.status != 0)
        #expect(merge.stderr.contains("不能再合并") && merge.stderr.contains("import --replace --force"))
    }

    @Test func importIntoACopyIsRefused() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try setUp(r)
        #expect(try r.run(["export", "--store", store, "--unit", "yueyangxian", "--out", r.file("yy.json")]).status == 0)
        #expect(try r.run(["checkout", "--store", store, "--unit", "heshan", "--out", r.file("c.fuhe")]).status == 0)
        let result = try r.run(["import", "--store", r.file("c.fuhe"), r.file("yy.json")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("是离线副本（借出 L-1）") && result.stderr.contains("不属于它"))
        #expect(try r.run(["list", "--store", r.file("c.fuhe")]).stdout.split(separator: "\n").filter { $0.contains("岳阳县") }.isEmpty)
    }

    @Test func anEmptyCopyKeepsItsLeaseUnlessClosed() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try setUp(r)
        #expect(try r.run(["checkout", "--store", store, "--unit", "heshan", "--out", r.file("c.fuhe")]).status == 0)
        let kept = try r.run(["merge", "--store", store, r.file("c.fuhe")])
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stdout.contains("副本没有任何修改") && kept.stdout.contains("L-1 保持借出中") && kept.stdout.contains("--close-empty"))
        #expect(try r.run(["leases", "--store", store]).stdout.contains("L-1  借出中"))
        let closed = try r.run(["merge", "--store", store, r.file("c.fuhe"), "--close-empty"])
        #expect(closed.status == 0, "\(closed.stderr)")
        #expect(closed.stdout.contains("借出 L-1 已结束"))
        #expect(try r.run(["leases", "--store", store]).stdout.contains("L-1  已合并"))
    }

    @Test func aCopyStillOpenIsNotMerged() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try setUp(r)
        #expect(try r.run(["checkout", "--store", store, "--unit", "heshan", "--out", r.file("c.fuhe")]).status == 0)
        // A workstation (this process) has the copy open.
        let open = try FuheStore.open(path: r.file("c.fuhe"), createIfMissing: false)
        let result = try r.run(["merge", "--store", store, r.file("c.fuhe"), "--prefer", "copy"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("正在工作台或另一个 fuhe 命令中打开") && result.stderr.contains("(M-007)"))
        #expect(try r.run(["leases", "--store", store]).stdout.contains("L-1  借出中"))
        _ = open
    }
}

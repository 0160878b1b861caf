extension Scenario {
    /// The scenario as segment `segment` runs it. The load is split by the engine (`SegmentSchedule`, user and
    /// connection shares); what acts on the target — actions, chaos faults and probes, the recovery drill — runs in
    /// segment 0 only, so the others drop it, with the SLA rules that only the acting segment can measure (RTO, RPO,
    /// fault recovery, steady state). The merged run judges everything.
    public func segment(_ segment: ExecutionSegment) -> Scenario {
        guard !segment.isLeader else { return self }
        var part = self
        part.actions = []
        part.chaos = nil
        part.recovery = nil
        part.sla = sla.compactMap { rule in
            var kept = rule
            (kept.rto, kept.rpo, kept.rpoWrites, kept.recovery, kept.steadyState) = (nil, nil, nil, nil, false)
            kept.versionConsistency = false
            let measuresSomething = !kept.thresholds.isEmpty
            return measuresSomething ? kept : nil
        }
        return part
    }
}

/// Which plans a LIS gets, and from whom (source: DOMAIN.md): a LIS1 in a kommune is assigned the learning
/// objective plan automatically; an ALIS gets "Allmennmedisin (ALM)" and "Felles kompetansemål (FKM)" from
/// the leder.
extension PlanAssignment {
    /// The plans to assign without anyone asking. Decision: only once the LIS has a leder, so that someone
    /// who follows the plan is in place when it appears.
    package static func automaticPlans(programme: Programme, tenantKind: TenantKind, hasLeder: Bool) -> [PlanKey] {
        guard hasLeder else { return [] }
        switch (programme, tenantKind) {
        case (.lis1, .kommune): return [.lis1Kommune]
        default: return []
        }
    }

    /// The plans the leder is expected to assign by hand.
    package static func lederAssignedPlans(programme: Programme) -> [PlanKey] {
        switch programme {
        case .alis: [.alm, .fkm]
        case .lis1, .samfunnsmedisin, .arbeidsmedisin: []
        }
    }
}

extension Plan {
    /// The version of `key` in force on `date`: the highest version whose effective date has come.
    package static func inForce(_ key: PlanKey, in catalog: [Plan], on date: CalendarDate) -> Plan? {
        catalog.filter { $0.key == key && $0.effectiveFrom <= date }.max { $0.version < $1.version }
    }
}

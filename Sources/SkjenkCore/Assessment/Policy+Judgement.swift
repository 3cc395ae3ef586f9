import Foundation

extension Policy {
    /// The district's judgement within the factors (`vurdering`): cut-offs that are the district's
    /// choice, not law. Optional in the policy file; the defaults are the values skjenk has used.
    public struct Judgement: Sendable, Hashable {
        /// How many signs of a night-time venue (a bar concept, group 3 at a bar, late indoor
        /// serving, a young target group, a large capacity, a low age limit) make the concept weigh
        /// medium and high (`vurdering.konsept_tegn_middels`, `vurdering.konsept_tegn_hoy`).
        public var conceptSignsMedium: Int
        public var conceptSignsHigh: Int
        /// Serving requested more than this many minutes past the zone's serving stop weighs
        /// medium, less weighs low (`vurdering.overskridelse_skjenkestopp_minutter`). An hour the law
        /// does not allow (alkoholloven § 4-4) weighs medium whatever this is.
        public var servingStopExcessMinutes: Int
        /// How many steps less a nearby site weighs when it is closed during all the requested hours
        /// (`vurdering.stengt_sted_trekk`): two, so such a site never weighs against on its own.
        public var closedSiteReduction: Int
        /// Episodes of one kind at the venue (disorder and the like, or noise) that call for a
        /// condition: guards or closed doors (`vurdering.gjentatte_episoder`).
        public var repeatedEpisodes: Int

        public init(
            conceptSignsMedium: Int = 2, conceptSignsHigh: Int = 4, servingStopExcessMinutes: Int = 60,
            closedSiteReduction: Int = 2, repeatedEpisodes: Int = 2
        ) {
            self.conceptSignsMedium = conceptSignsMedium
            self.conceptSignsHigh = conceptSignsHigh
            self.servingStopExcessMinutes = servingStopExcessMinutes
            self.closedSiteReduction = closedSiteReduction
            self.repeatedEpisodes = repeatedEpisodes
        }
    }
}

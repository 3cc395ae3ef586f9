import Foundation
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkTestSupport
import Testing

/// The archive keeps the map as an attachment of its own: the table that keys its numbers goes with it.
@Suite struct MapAttachmentTests {
    @Test func theMapAttachmentCarriesTheTableOfNumberedSites() throws {
        let markdown = """
            # Uttalelse

            ## Bydelens vurdering

            ### Steder i nærheten

            | Nr. | Sted | Type | Avstand |
            |---|---|---|---|
            | 1 | Ila skole | skole | 80 m |
            | 2 | (navn utelatt) | tilbud for sårbare grupper | 140 m |

            ### Samlet vurdering

            Tekst.
            """
        #expect(
            StatementDesk.mapKeyTable(markdown) == """
                Nummerne i kartet:

                | Nr. | Sted | Type | Avstand |
                |---|---|---|---|
                | 1 | Ila skole | skole | 80 m |
                | 2 | (navn utelatt) | tilbud for sårbare grupper | 140 m |
                """)
        #expect(StatementDesk.mapKeyTable("# Uttalelse\n\nIngen steder.\n") == nil)
    }
}

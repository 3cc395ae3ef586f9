import Foundation

/// Links through a long list shown a page at a time: «Forrige», «Side 2 av 40», «Neste».
struct Paging: Encodable {
    let page: Int
    let pages: Int
    /// Whether there is more than one page (the links are shown only then).
    let isPaged: Bool
    let hasPrevious: Bool
    let hasNext: Bool
    let first: String
    let previous: String
    let next: String
    let last: String

    /// `link` gives the address of a page by its number (1-based).
    init(page: Int, pages: Int, link: (Int) -> String) {
        self.page = page
        self.pages = pages
        isPaged = pages > 1
        hasPrevious = page > 1
        hasNext = page < pages
        first = link(1)
        previous = link(max(1, page - 1))
        next = link(min(pages, page + 1))
        last = link(pages)
    }
}

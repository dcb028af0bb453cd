/// Whether a link from an article may be followed: http(s), mail, phone or
/// relative, never one that runs code (`javascript:`, `data:`, `vbscript:`).
/// The content tools refuse other links; the viewer checks again, since a
/// bundle may come from elsewhere.
pub fn is_safe_href(href: &str) -> bool {
    let cleaned: String = href.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    let lower = cleaned.to_ascii_lowercase();
    match lower.find([':', '/', '?', '#']) {
        Some(i) if lower.as_bytes()[i] == b':' => matches!(&lower[..i], "http" | "https" | "mailto" | "tel"),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_that_run_code_are_not_safe() {
        for ok in ["https://e.org/a", "mailto:a@e.org", "tel:+7", "other.html?x=a:b", "/abs", "#top"] {
            assert!(is_safe_href(ok), "{ok}");
        }
        for bad in ["javascript:alert(1)", " JaVa\tScRiPt:x", "data:text/html,x", "vbscript:x"] {
            assert!(!is_safe_href(bad), "{bad}");
        }
    }
}

/// Russian plural categories for a count ("1 абзац", "3 абзаца", "5 абзацев").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Few,
    Many,
}

/// CLDR's rule for Russian integers; the same on the server and in the
/// browser, so prerendered and live text agree.
pub fn plural_ru(n: usize) -> Plural {
    match (n % 10, n % 100) {
        (1, r) if r != 11 => Plural::One,
        (2..=4, r) if !(12..=14).contains(&r) => Plural::Few,
        _ => Plural::Many,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_russian_plural_rules() {
        use Plural::*;
        let cases = [(0, Many), (1, One), (2, Few), (4, Few), (5, Many), (11, Many), (12, Many),
            (14, Many), (21, One), (22, Few), (111, Many), (101, One)];
        for (n, want) in cases {
            assert_eq!(plural_ru(n), want, "{n}");
        }
    }
}

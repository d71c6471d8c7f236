//! Breaking text into lines that fit a width, on spaces where it can and
//! inside a word only when a word alone is too wide.

use super::fonts::Face;

/// The lines of `text` at `size` points within `width`. Line breaks in the
/// text are kept; other control characters become spaces. Never empty.
pub(crate) fn wrap(face: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let clean = clean(paragraph);
        let mut line = String::new();
        for word in clean.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if face.width(&candidate, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the whole line is cut where it must be.
            for c in word.chars() {
                let mut next = line.clone();
                next.push(c);
                if face.width(&next, size) > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                } else {
                    line = next;
                }
            }
        }
        lines.push(line);
    }
    lines
}

fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::fonts::{Fonts, Weight};
    use super::*;

    #[test]
    fn lines_fit_and_keep_every_word() {
        let fonts = Fonts::load().unwrap();
        let face = fonts.face(Weight::Regular);
        let text = "Покраснение прошло через два дня, όλα καλά after the session";
        let lines = wrap(face, text, 9.0, 80.0);
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(face.width(line, 9.0) <= 80.0 + 0.01, "{line}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_long_word_is_cut() {
        let fonts = Fonts::load().unwrap();
        let face = fonts.face(Weight::Regular);
        let lines = wrap(face, &"x".repeat(200), 9.0, 50.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| face.width(l, 9.0) <= 50.0));
    }
}

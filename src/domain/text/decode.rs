//! The bytes of a picked file as text. Every file the app writes is UTF-8, but a person
//! who opened one in Windows Notepad and saved it as "Unicode" (or "Unicode big endian")
//! brings back the same file in UTF-16: it is the right file in another encoding, so it is
//! read, not refused as "not JSON".

/// Which encoding a file's bytes are in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FileEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
}

/// How many bytes at the start of a file decide whether it is UTF-16 without a byte-order
/// mark. The app's files begin with ASCII (`{`, spaces, line breaks, member names), so in
/// UTF-16 every other one of these bytes is zero. UTF-8 JSON never holds a zero byte; an
/// encrypted bundle's binary body may, but only after its ASCII header, and rarely.
const SNIFF: usize = 512;

/// Decodes a file's bytes: UTF-8 (its byte-order mark kept, as the parsers expect and
/// strip), or UTF-16 in either byte order, with a mark or recognised without one. Bytes
/// that are not valid in the encoding become U+FFFD, as the browser's `File.text()` makes
/// them, so a damaged file is refused by the parsers with the reason they find.
pub fn decode_file(bytes: Vec<u8>) -> String {
    let encoding = sniff(&bytes);
    match encoding {
        FileEncoding::Utf8 => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        },
        FileEncoding::Utf16Le | FileEncoding::Utf16Be => {
            let le = encoding == FileEncoding::Utf16Le;
            let units: Vec<u16> = bytes
                .chunks(2)
                .map(|pair| match *pair {
                    [a, b] if le => u16::from_le_bytes([a, b]),
                    [a, b] => u16::from_be_bytes([a, b]),
                    // An odd last byte: half a character, cut off.
                    _ => 0xfffd,
                })
                .collect();
            // The byte-order mark stays, as in UTF-8 (the parsers strip it).
            String::from_utf16_lossy(&units)
        }
    }
}

fn sniff(bytes: &[u8]) -> FileEncoding {
    match bytes {
        [0xff, 0xfe, ..] => return FileEncoding::Utf16Le,
        [0xfe, 0xff, ..] => return FileEncoding::Utf16Be,
        _ => {}
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    let zero_at = |parity: usize| {
        head.iter()
            .enumerate()
            .filter(|&(i, &b)| b == 0 && i % 2 == parity)
            .count()
    };
    let (even, odd) = (zero_at(0), zero_at(1));
    // ASCII in UTF-16 has a zero in one parity of each pair; Vietnamese letters (U+00C0
    // to U+1EF9) and the rest seldom do, so a quarter of the pairs is enough, with almost
    // none in the other parity. The file's first character is ASCII (JSON's `{`).
    let pairs = head.len() / 2;
    let utf16 =
        |zeros: usize, others: usize| pairs > 0 && zeros * 4 >= pairs && others * 8 <= zeros;
    match head {
        [a, 0, ..] if *a != 0 && utf16(odd, even) => FileEncoding::Utf16Le,
        [0, b, ..] if *b != 0 && utf16(even, odd) => FileEncoding::Utf16Be,
        _ => FileEncoding::Utf8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut units: Vec<u16> = text.encode_utf16().collect();
        if bom {
            units.insert(0, 0xfeff);
        }
        units
            .into_iter()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    }

    const FILE: &str =
        "{\r\n  \"format\": \"doithoai.village-bundle\",\r\n  \"village\": \"Thôn Đông 😀\"\r\n}";

    #[test]
    fn utf16_in_both_orders_with_or_without_a_mark_reads_as_the_text() {
        for (le, found) in [
            (true, FileEncoding::Utf16Le),
            (false, FileEncoding::Utf16Be),
        ] {
            assert_eq!(sniff(&utf16(FILE, le, false)), found);
            assert_eq!(
                decode_file(utf16(FILE, le, true)),
                format!("\u{feff}{FILE}")
            );
            assert_eq!(decode_file(utf16(FILE, le, false)), FILE);
        }
    }

    #[test]
    fn utf8_is_read_as_utf8_and_bad_bytes_become_replacement_characters() {
        assert_eq!(sniff(FILE.as_bytes()), FileEncoding::Utf8);
        assert_eq!(decode_file(FILE.as_bytes().to_vec()), FILE);
        let text = decode_file(b"{\"a\": \"\xc3\xfe\"}".to_vec());
        assert_eq!(text, "{\"a\": \"\u{fffd}\u{fffd}\"}");
        assert_eq!(decode_file(Vec::new()), "");
    }

    #[test]
    fn a_cut_utf16_file_keeps_what_it_has() {
        let mut bytes = utf16("{\"a\": 1}", true, true);
        bytes.pop();
        assert_eq!(decode_file(bytes), "\u{feff}{\"a\": 1\u{fffd}");
        // A lone surrogate (half of an emoji) is replaced, not a panic.
        let mut bytes = utf16("{\"a\": \"😀\"}", false, false);
        bytes.truncate(bytes.len() - 6);
        assert!(decode_file(bytes).ends_with('\u{fffd}'));
    }

    #[test]
    fn binary_with_a_few_zero_bytes_is_not_taken_for_utf16() {
        let mut bytes = b"age-encryption.org/v1\n-> X25519 abc\n--- def\n".to_vec();
        bytes.extend((0..600u32).map(|i| (i * 37 % 251) as u8));
        assert_eq!(sniff(&bytes), FileEncoding::Utf8);
    }
}

//! Reading values from an address's query string (`?q=…`, `?view=…&namespace=…`), as the browser
//! encodes them. Pure: the callers read the address in an effect or at boot.

/// The value of `q` in a query string such as `?q=open+source&x=1`.
pub fn query_param(query: &str) -> Option<String> {
    query_value(query, "q")
}

/// The decoded value of `name` in a query string.
pub fn query_value(query: &str, name: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        .map(percent_decode)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'+' => out.push(b' '),
            b'%' if index + 3 <= bytes.len() => {
                match (hex_value(bytes[index + 1]), hex_value(bytes[index + 2])) {
                    (Some(high), Some(low)) => {
                        out.push(high * 16 + low);
                        index += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        index += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(byte: u8) -> Option<u8> {
    (byte as char)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

#[cfg(test)]
mod tests {
    use super::query_param;

    #[test]
    fn the_query_parameter_is_decoded() {
        assert_eq!(
            query_param("?q=open+source").as_deref(),
            Some("open source")
        );
        assert_eq!(
            query_param("?x=1&q=licen%C3%A7a").as_deref(),
            Some("licença")
        );
        assert_eq!(query_param("?q=%ZZ%").as_deref(), Some("%ZZ%"));
        assert_eq!(query_param("?q=%E2%82"), Some("\u{FFFD}".to_string()));
        assert_eq!(query_param("?q=%é1"), Some("%é1".to_string()));
        assert_eq!(query_param("?x=1"), None);
    }
}

use super::*;

#[test]
fn question_hash_ignores_wrapping_but_not_words() {
    assert_eq!(
        question_hash("Do you  know\n what you use?"),
        question_hash("Do you know what you use?")
    );
    assert_ne!(
        question_hash("Do you know what you use?"),
        question_hash("Do you know what you run?")
    );
}

#[test]
fn bounds_describe_themselves() {
    let b = |min, max| Bounds { min, max };
    assert_eq!(b(Some(25), Some(36)).describe(), "25 to 36");
    assert_eq!(b(Some(37), None).describe(), "at least 37");
    assert_eq!(b(None, Some(12)).describe(), "at most 12");
    assert!(b(None, None).contains(0));
    assert!(!b(Some(3), None).contains(2));
}

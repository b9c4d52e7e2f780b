//! Self-check share codes (`#c=c1.<letters>.<checksum>`): every answer set round-trips in a code
//! no longer than the limit, the documented format is what the guide writes, and hostile codes
//! are refused with a reason, never a panic.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use common::{all_answered as all, config, real_check as check, real_content};
use guide_core::conformance::{
    decode_answers, encode_answers, CheckShareError, ValidCheck, Verdict, MAX_CHECK_SHARE_LEN,
};
use guide_core::hash::fnv1a64;
use proptest::prelude::*;

fn spec(id: &str) -> guide_core::conformance::CheckSpec {
    check(id).into_spec()
}

fn validate(
    spec: guide_core::conformance::CheckSpec,
) -> Result<ValidCheck, Vec<guide_core::conformance::CheckError>> {
    let content = real_content();
    ValidCheck::new(spec, &content.book, &content.crosswalk)
}

/// Answers as the share code keeps them: known items only, n/a only where allowed.
fn kept(check: &ValidCheck, answers: &BTreeMap<String, Verdict>) -> BTreeMap<String, Verdict> {
    check
        .spec()
        .items()
        .filter_map(|item| {
            let verdict = *answers.get(&item.id)?;
            (verdict != Verdict::NotApplicable || item.allows_not_applicable)
                .then(|| (item.id.clone(), verdict))
        })
        .collect()
}

fn answers_strategy(id: &'static str) -> impl Strategy<Value = BTreeMap<String, Verdict>> {
    let ids: Vec<String> = check(id).spec().items().map(|i| i.id.clone()).collect();
    let n = ids.len();
    proptest::collection::vec(proptest::option::of(0..Verdict::ALL.len()), n).prop_map(
        move |choices| {
            ids.iter()
                .zip(choices)
                .filter_map(|(id, c)| Some((id.clone(), Verdict::ALL[c?])))
                .chain(std::iter::once(("stray".to_string(), Verdict::No)))
                .collect()
        },
    )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn share_codes_round_trip_5230(answers in answers_strategy("iso-5230")) {
        let check = check("iso-5230");
        let code = encode_answers(&check, &answers);
        prop_assert!(code.len() <= MAX_CHECK_SHARE_LEN);
        prop_assert!(code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.'));
        prop_assert_eq!(decode_answers(&check, &code), Ok(kept(&check, &answers)));
        prop_assert_eq!(decode_answers(&check, &format!("#{code}")), Ok(kept(&check, &answers)));
        // The same outcome after the trip.
        prop_assert_eq!(check.outcome(&kept(&check, &answers)), check.outcome(&answers));
    }

    #[test]
    fn share_codes_round_trip_18974(answers in answers_strategy("iso-18974")) {
        let check = check("iso-18974");
        let code = encode_answers(&check, &answers);
        prop_assert_eq!(decode_answers(&check, &code), Ok(kept(&check, &answers)));
    }

    #[test]
    fn any_text_decodes_or_is_refused_without_panic(text in common::text(600)) {
        let check = check("iso-5230");
        let _ = decode_answers(&check, &text);
    }

    #[test]
    fn a_code_with_one_letter_changed_is_refused(
        answers in answers_strategy("iso-5230"),
        at in 0usize..34,
        to in prop::sample::select(vec!['y', 'p', 'n', 'x', 'd', 'u']),
    ) {
        let check = check("iso-5230");
        let code = encode_answers(&check, &answers);
        let mut bytes = code.into_bytes();
        let index = 3 + at;
        prop_assume!(bytes[index] != to as u8);
        bytes[index] = to as u8;
        let edited = String::from_utf8(bytes).unwrap_or_default();
        // Five hex digits leave one edit in about a million unnoticed.
        prop_assert!(decode_answers(&check, &edited).is_err());
    }
}

/// A code signed like the guide signs them (the format in `conformance/share.rs`), so that a
/// well-formed code with a bad answer can be made.
fn signed(check: &ValidCheck, letters: &str) -> String {
    let mut text = format!("{}|", check.id());
    for item in check.spec().items() {
        text.push_str(&item.id);
        text.push(if item.allows_not_applicable { '+' } else { ',' });
    }
    text.push('|');
    text.push_str(letters);
    format!("c1.{letters}.{:05x}", fnv1a64(text.as_bytes()) & 0xf_ffff)
}

#[test]
fn the_documented_format_is_what_the_guide_writes() {
    let check = check("iso-5230");
    let answers = BTreeMap::from([
        ("compliance-policy".to_string(), Verdict::Yes),
        ("policy-announcement".to_string(), Verdict::Partly),
        ("roles-defined".to_string(), Verdict::No),
        ("role-competencies".to_string(), Verdict::DontKnow),
        ("usecase-binary".to_string(), Verdict::NotApplicable),
    ]);
    let binary = check
        .spec()
        .items()
        .position(|i| i.id == "usecase-binary")
        .unwrap_or_default();
    assert_eq!(binary, 21);
    let mut letters = "ypnd".to_string() + &"u".repeat(30);
    letters.replace_range(binary..=binary, "x");
    assert_eq!(encode_answers(&check, &answers), signed(&check, &letters));
}

#[test]
fn hostile_share_codes_are_refused_with_a_reason() {
    let check = check("iso-5230");
    let other = check_for_other();
    let good = encode_answers(&check, &all(&check, Verdict::Yes));
    let yes = "y".repeat(34);
    let cases: Vec<(String, CheckShareError)> = vec![
        (String::new(), CheckShareError::Empty),
        ("#".into(), CheckShareError::Empty),
        ("   ".into(), CheckShareError::Empty),
        (
            "c".repeat(MAX_CHECK_SHARE_LEN + 1),
            CheckShareError::TooLong {
                len: MAX_CHECK_SHARE_LEN + 1,
            },
        ),
        (good.to_uppercase(), malformed()),
        (good.replacen('.', "-", 1), malformed()),
        (format!("{good}é"), malformed()),
        ("r1.yy.00000".into(), malformed()),
        ("cx.yy.00000".into(), malformed()),
        ("c".into(), malformed()),
        (
            "c2.yy.00000".into(),
            CheckShareError::WrongVersion { found: "c2".into() },
        ),
        ("c1".into(), malformed()),
        (format!("c1.{yes}"), malformed()),
        (format!("{good}.00000"), malformed()),
        (format!("c1.{yes}.abc"), malformed()),
        (format!("c1.{yes}.zzzzz"), malformed()),
        (format!("c1.{}q.00000", "y".repeat(33)), malformed()),
        (
            format!("c1.{}.00000", "y".repeat(33)),
            CheckShareError::WrongLength {
                expected: 34,
                found: 33,
            },
        ),
        (format!("c1.{yes}.00000"), CheckShareError::Tampered),
        (
            encode_answers(&other, &all(&other, Verdict::Yes)),
            CheckShareError::WrongLength {
                expected: 34,
                found: 35,
            },
        ),
        (
            signed(&check, &("x".to_string() + &"y".repeat(33))),
            CheckShareError::NotApplicableRefused {
                item: "compliance-policy".into(),
            },
        ),
    ];
    for (input, expected) in cases {
        let got = decode_answers(&check, &input);
        match (&got, &expected) {
            (Err(CheckShareError::Malformed { .. }), CheckShareError::Malformed { .. }) => {}
            _ => assert_eq!(got, Err(expected), "{input:?}"),
        }
    }
    // A code of the same length made for another version of the check is refused.
    let mut renamed = spec("iso-5230");
    renamed.sections[0].items[0].id = "written-policy".into();
    let renamed = validate(renamed).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        decode_answers(&renamed, &good),
        Err(CheckShareError::Tampered)
    );
    assert!(decode_answers(&check, &good).is_ok());
}

fn malformed() -> CheckShareError {
    CheckShareError::Malformed { reason: "" }
}

fn check_for_other() -> ValidCheck {
    check("iso-18974")
}

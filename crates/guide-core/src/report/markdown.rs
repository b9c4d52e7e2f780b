//! Advice as Markdown, to paste into an issue, a wiki page or an e-mail.

use super::{Advice, ReportLabels};

pub(super) fn render(advice: &Advice<'_>, date: &str, link: &str, labels: &ReportLabels) -> String {
    let mut out = format!(
        "# {}: {}\n\n{}\n\n{}\n\n",
        advice.tree_title, advice.title, advice.summary, advice.rationale
    );
    if !advice.scores.is_empty() {
        out.push_str(&format!(
            "## {}\n\n| {} | {} |\n| --- | --- |\n",
            labels.scores, labels.dimension, labels.score
        ));
        for score in advice.scores {
            out.push_str(&format!(
                "| {} | {} {} {} |\n",
                score.label, score.score, labels.of, score.max
            ));
        }
        if let Some((total, max)) = advice.total {
            out.push_str(&format!(
                "| **{}** | **{total} {} {max}** |\n",
                labels.total, labels.of
            ));
        }
        out.push('\n');
    }
    out.push_str(&format!("## {}\n\n", labels.answers));
    for reason in advice.reasons {
        let mark = if reason.decisive {
            format!(" ({})", labels.decisive)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "- {} — {}{mark}\n",
            reason.question_text, reason.option_label
        ));
    }
    out.push_str(&format!("\n## {}\n\n", labels.firmness));
    if advice.is_firm() {
        out.push_str(&format!("- {}\n", labels.firm));
    }
    // "Had you answered “option” (question), then."
    let one_step = |option: &str, question: &str, then: String| {
        format!(
            "- {} “{option}” ({question}), {then}.\n",
            labels.had_you_answered
        )
    };
    for change in &advice.changes {
        let then = format!("{} {}", labels.result_would_be, change.result);
        out.push_str(&one_step(change.option, change.question, then));
    }
    for alternative in &advice.alternatives {
        let then = format!("{}: {}", labels.instead_applies, alternative.title);
        out.push_str(&one_step(alternative.option, alternative.question, then));
    }
    for unknown in advice.telling_unknowns() {
        out.push_str(&format!(
            "- {}: {} {}.\n",
            unknown.question,
            labels.unknown_gives,
            unknown.results.join("; ")
        ));
    }
    if !advice.applies.is_empty() {
        out.push_str(&format!("\n## {}\n\n", labels.applies));
        for note in &advice.applies {
            out.push_str(&format!("### {}\n\n{}\n\n", note.title, note.text));
        }
    }
    if !advice.plan.is_empty() {
        out.push_str(&format!("\n## {}\n", labels.plan));
        for (window, items) in &advice.plan {
            out.push_str(&format!("\n### {}\n\n", labels.window(*window)));
            for item in items {
                let (tick, done) = if item.done {
                    ("x", format!(" ({})", labels.already_done))
                } else {
                    (" ", String::new())
                };
                out.push_str(&format!(
                    "- [{tick}] {}{done} — {}: {}. {}: {}\n",
                    item.text, labels.owner, item.owner, labels.done_when, item.done_when
                ));
            }
        }
    }
    for (title, items) in [
        (labels.trade_offs, &advice.trade_offs),
        (labels.risks, &advice.risks),
    ] {
        if !items.is_empty() {
            out.push_str(&format!("\n## {title}\n\n"));
            for item in items {
                out.push_str(&format!("- {item}\n"));
            }
        }
    }
    if !advice.frameworks.is_empty() {
        out.push_str(&format!("\n## {}\n\n", labels.frameworks));
        for group in &advice.frameworks {
            let refs: Vec<String> = group
                .entries
                .iter()
                .map(|e| format!("{} {}", e.reference, e.title))
                .collect();
            out.push_str(&format!(
                "- **{}**: {}\n",
                group.framework.short,
                refs.join("; ")
            ));
        }
    }
    out.push_str(&format!(
        "\n---\n{} {date}. {} {link}\n",
        labels.made_on, labels.reopen
    ));
    out
}

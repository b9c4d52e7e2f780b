//! Scores per dimension as a bar chart (SVG, decorative for screen readers) with the same figures
//! in a table, so that nobody depends on the picture.

use guide_core::tree::DimensionScore;
use yew::prelude::*;

use crate::strings::{self, REPORT_LABELS as LABELS};

#[derive(Properties, PartialEq)]
pub struct ScoreChartProps {
    pub scores: Vec<DimensionScore>,
    /// The total and its maximum, for trees that show a total.
    #[prop_or_default]
    pub total: Option<(u32, u32)>,
}

const LABEL_WIDTH: u32 = 170;
const BAR_WIDTH: u32 = 260;
const ROW: u32 = 30;

#[component]
pub fn ScoreChart(props: &ScoreChartProps) -> Html {
    if props.scores.is_empty() {
        return Html::default();
    }
    let height = ROW * u32::try_from(props.scores.len()).unwrap_or(0) + 6;
    let width = LABEL_WIDTH + BAR_WIDTH + 60;
    html! {
        <figure class="score-chart">
            <svg viewBox={format!("0 0 {width} {height}")} role="img" aria-hidden="true" focusable="false">
                { for props.scores.iter().enumerate().map(|(row, score)| {
                    let y = ROW * u32::try_from(row).unwrap_or(0) + 4;
                    let filled = (BAR_WIDTH * score.score).checked_div(score.max).unwrap_or(0);
                    html! {
                        <g>
                            <text x="0" y={(y + 17).to_string()} class="chart-label">{ score.label.clone() }</text>
                            <rect x={LABEL_WIDTH.to_string()} y={y.to_string()} width={BAR_WIDTH.to_string()} height="20" rx="4" class="chart-track" />
                            <rect x={LABEL_WIDTH.to_string()} y={y.to_string()} width={filled.to_string()} height="20" rx="4" class="chart-bar" />
                            <text x={(LABEL_WIDTH + BAR_WIDTH + 8).to_string()} y={(y + 17).to_string()} class="chart-value">
                                { format!("{}/{}", score.score, score.max) }
                            </text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption>
                <table class="score-table">
                    <caption>{ strings::CHART_CAPTION }</caption>
                    <thead><tr><th scope="col">{ LABELS.dimension }</th><th scope="col">{ LABELS.score }</th></tr></thead>
                    <tbody>
                        { for props.scores.iter().map(|score| html! {
                            <tr><th scope="row">{ score.label.clone() }</th><td>{ format!("{} {} {}", score.score, LABELS.of, score.max) }</td></tr>
                        }) }
                        if let Some((total, max)) = props.total {
                            <tr class="total"><th scope="row">{ LABELS.total }</th><td>{ format!("{total} {} {max}", LABELS.of) }</td></tr>
                        }
                    </tbody>
                </table>
            </figcaption>
        </figure>
    }
}

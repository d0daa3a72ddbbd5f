//! Render tests: every screen and modal at sizes from 1×1 up, and text
//! snapshots of the main screens at 80×24 in Swedish and English.

use crate::support::app::*;
use crate::support::screen::{SIZES, render};
use okr::model::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

/// Each state worth drawing, reached by named steps from the example data
/// (or an empty store).
fn states(lang: Lang) -> Vec<(&'static str, Harness)> {
    states_in(lang, true)
}

/// [`states`], drawn in colour or (as `NO_COLOR` asks) without.
fn states_in(lang: Lang, color: bool) -> Vec<(&'static str, Harness)> {
    let start =
        |data: Option<okr::model::Data>| Harness::with_setup(data, lang, |s| s.color = color);
    let at = |steps: &dyn Fn(&mut Harness)| {
        let mut h = start(Some(demo()));
        steps(&mut h);
        h
    };
    // The first two key results measure themselves (`okr refresh`).
    let measuring = |steps: &dyn Fn(&mut Harness)| {
        let mut h = Harness::with_setup(Some(demo()), lang, |s| {
            s.color = color;
            s.config = Some(measured_config());
        });
        steps(&mut h);
        h
    };
    vec![
        ("quarter", at(&|_| {})),
        ("empty", start(None)),
        ("quarter_key_results", at(&|h| h.focus_key_results())),
        ("detail", at(&|h| h.open_detail_of(0))),
        // The fifth Mål has Uppgifter.
        ("detail_initiatives", at(&|h| h.open_initiatives_of(4))),
        (
            "form_objective",
            at(&|h| {
                h.keys(&[ch('a')]);
                h.type_text("Bli bäst på OKR");
            }),
        ),
        (
            "form_key_result_errors",
            at(&|h| {
                h.focus_key_results();
                h.keys(&[
                    ch('a'),
                    code(KeyCode::Tab),
                    code(KeyCode::Tab),
                    code(KeyCode::Tab),
                ]);
                h.type_text("tolv");
                h.keys(&[code(KeyCode::Enter)]);
            }),
        ),
        (
            "form_value",
            at(&|h| {
                h.focus_key_results();
                h.keys(&[ch('v')]);
            }),
        ),
        ("confirm_delete", at(&|h| h.keys(&[ch('d')]))),
        ("help", at(&|h| h.keys(&[ch('?')]))),
        (
            "help_detail",
            at(&|h| {
                h.open_initiatives_of(0);
                h.keys(&[ch('?')]);
            }),
        ),
        ("checkin_walk", at(&|h| h.walk_to(0))),
        (
            "checkin_reflect",
            at(&|h| {
                h.walk_to_reflection();
                h.type_text("Två nya kunder");
            }),
        ),
        (
            "checkin_pulse",
            at(&|h| {
                h.walk_to_pulse();
                h.keys(&[ch('4'), ch('2')]);
            }),
        ),
        (
            "checkin_summary",
            at(&|h| {
                // The first key result moves, so the summary has something to show.
                h.keys(&[ch('c')]);
                h.type_text("70");
                h.keys(&[code(KeyCode::Esc)]);
                h.walk_to_summary();
            }),
        ),
        ("review", at(&|h| h.keys(&[ch('r')]))),
        // The fourth Mål is aspirational and below its target: carrying is proposed.
        ("review_form", at(&|h| h.open_review_form_of(3))),
        ("carry", at(&|h| h.open_carry_dialog_of(3))),
        (
            "overview",
            at(&|h| {
                h.open_carry_dialog_of(3);
                h.keys(&[code(KeyCode::Enter), ch('o')]);
            }),
        ),
        ("planning", at(&|h| h.keys(&[ch('r'), ch('n')]))),
        (
            "key_result_view",
            at(&|h| {
                h.record_note_on_first_key_result("70", "Två nya kunder");
                h.open_key_result_view(0);
            }),
        ),
        ("measured", measuring(&|h| h.focus_key_results())),
        (
            "key_result_view_measured",
            measuring(&|h| h.open_key_result_view(0)),
        ),
        // The second Mål's second key result keeps a level.
        (
            "key_result_view_level",
            at(&|h| {
                h.select_objective(1);
                h.open_key_result_view(1);
            }),
        ),
        (
            "entry_form",
            at(&|h| {
                h.open_key_result_view(0);
                h.keys(&[ch('e')]);
            }),
        ),
        ("search", at(&|h| h.search_for("kund"))),
        // The fifth Mål's open Uppgift, given an owner and a day already passed.
        (
            "initiative_overdue",
            at(&|h| {
                h.open_initiatives_of(4);
                h.set_owner_and_due_of_initiative(1, "Anna", "2026-11-20");
            }),
        ),
        ("conflicts", at(&|h| h.open_conflicts())),
    ]
}

/// A config file whose `[refresh]` measures `kr1` and `kr2`.
fn measured_config() -> okr::config::PersonalFile {
    let text = b"[refresh]\nkr1 = [\"echo\", \"1\"]\nkr2 = { shell = \"echo 2\" }\n";
    okr::config::PersonalFile {
        path: "config.toml".into(),
        personal: okr::config::parse(text, okr::config::Format::Toml).unwrap(),
    }
}

/// What a state shows at every size from 40×12 up, in English and Swedish.
fn marker(name: &str, lang: Lang) -> &'static str {
    let (en, sv) = match name {
        "quarter" => ("▸ Expandera globalt", "▸ Expandera globalt"),
        "empty" => (
            "No objectives for this quarter yet",
            "Inga mål för det här kvartalet än",
        ),
        "quarter_key_results" => ("▸ kr1 Sälj för 100 miljoner", "▸ kr1 Sälj för 100 miljoner"),
        "detail" => ("(o1 ·", "(o1 ·"),
        "detail_initiatives" => (
            "▸ [x] Gå igenom alla abonnemang",
            "▸ [x] Gå igenom alla abonnemang",
        ),
        "form_objective" => ("bäst på OKR", "bäst på OKR"),
        "form_key_result_errors" => ("tolv", "tolv"),
        "form_value" => ("New value: kr1", "Nytt värde: kr1"),
        "confirm_delete" => ("Delete “Expandera globalt”", "Ta bort ”Expandera globalt”"),
        "help" => ("previous quarter", "föregående kvartal"),
        "help_detail" => ("e/Enter", "e/Enter"),
        "checkin_walk" => ("Check-in 2026-W48", "Incheckning 2026-W48"),
        "checkin_reflect" => ("Två nya kunder", "Två nya kunder"),
        "checkin_pulse" => ("●●●●○ 4", "●●●●○ 4"),
        "checkin_summary" => ("→ 70", "→ 70"),
        "review" => ("Quarter review 2026 Q4", "Kvartalsgenomgång 2026 Q4"),
        "review_form" => ("Bli självförsörjand", "Bli självförsörjand"),
        "carry" => ("[x] kr10", "[x] kr10"),
        "overview" => ("▸ 2026 Q4", "▸ 2026 Q4"),
        "planning" => ("Quarter 2027 Q1", "Kvartal 2027 Q1"),
        "key_result_view" => ("kr1 Sälj", "kr1 Sälj"),
        "measured" => ("▸ kr1 ⟳ Sälj", "▸ kr1 ⟳ Sälj"),
        "key_result_view_measured" => ("kr1 ⟳ Sälj", "kr1 ⟳ Sälj"),
        "key_result_view_level" => ("kr5 Öka", "kr5 Öka"),
        "entry_form" => ("▸ Value", "▸ Värde"),
        "search" => ("Search ·", "Sök ·"),
        "initiative_overdue" => ("(o5 ·", "(o5 ·"),
        "conflicts" => ("Conflicts (1)", "Konflikter (1)"),
        other => panic!("no marker for the state {other}"),
    };
    if lang == Lang::En { en } else { sv }
}

/// A screen's text on one line, each run of white space one space.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_screen_shows_itself_at_every_size_or_says_the_window_is_too_small() {
    for lang in [Lang::Sv, Lang::En] {
        let too_small = okr::i18n::strings(lang).too_small;
        for (name, h) in states(lang) {
            for (w, hgt) in SIZES {
                let text = render(&h.app, w, hgt);
                let at = format!("{name} at {w}x{hgt} in {lang:?}");
                if okr::ui::too_small(w, hgt) {
                    // As much of the sentence as fits, and nothing else.
                    let shown = flat(&text);
                    assert!(!shown.is_empty(), "{at}: nothing shown");
                    assert!(too_small.starts_with(&shown), "{at}:\n{text}");
                    if w >= 39 {
                        assert_eq!(shown, too_small, "{at}: the whole sentence fits");
                    }
                } else {
                    let marker = marker(name, lang);
                    assert!(text.contains(marker), "{at}: no {marker:?}:\n{text}");
                }
            }
            // Every odd size in between too, for the layout arithmetic.
            for w in (1..=120).step_by(7) {
                for hgt in (1..=40).step_by(5) {
                    render(&h.app, w, hgt);
                }
            }
        }
    }
}

#[test]
fn below_the_smallest_size_the_screen_says_so() {
    let h = Harness::new(Some(demo()), Lang::En);
    let text = render(&h.app, 39, 30);
    assert!(text.contains("too small"), "{text}");
    let text = render(&h.app, 80, 11);
    assert!(text.contains("too small"), "{text}");
    let text = render(&h.app, 40, 12);
    assert!(!text.contains("too small"), "{text}");
}

#[test]
fn snapshots_at_80x24() {
    for (lang, tag) in [(Lang::Sv, "sv"), (Lang::En, "en")] {
        for (name, h) in states(lang) {
            insta::assert_snapshot!(format!("{name}_{tag}"), render(&h.app, 80, 24));
        }
    }
}

#[test]
fn the_quarter_view_shows_what_the_spec_lists() {
    let h = Harness::new(Some(demo()), Lang::En);
    let text = render(&h.app, 120, 40);
    // Header: quarter, ISO week, how much has passed.
    assert!(text.contains("Quarter 2026 Q4"), "{text}");
    assert!(text.contains("2026-W48"), "{text}");
    assert!(text.contains("of the quarter has passed"), "{text}");
    // Mål with kind, a bar with a pace mark, status in a word, confidence.
    assert!(text.contains("Expandera globalt [Committed]"), "{text}");
    assert!(text.contains('┃'), "{text}");
    assert!(
        text.contains("behind pace") || text.contains("on pace"),
        "{text}"
    );
    assert!(text.contains("confidence"), "{text}");
    // Uppgifter done/total and the selected Mål's key results.
    assert!(text.contains("initiatives 1/2"), "{text}");
    assert!(text.contains("kr1 Sälj för 100 miljoner"), "{text}");
    // The check-in banner when this week has none.
    assert!(
        text.contains("This week's check-in: 12 key results waiting — press c"),
        "{text}"
    );
    // The footer comes from the key table; too narrow for every hint, it
    // ends with the help key.
    assert!(text.contains("q/Ctrl-C quit · "), "{text}");
    assert!(text.trim_end().ends_with(" · ? more"), "{text}");
}

/// Every screen drawn without colour (what `NO_COLOR` in the environment
/// asks for; tests/terminal/e2e_env.rs runs okr so): no cell has a colour,
/// and the quarter's pace is still said in words.
#[test]
fn without_colour_no_screen_uses_one() {
    use ratatui::style::Color;
    for lang in [Lang::Sv, Lang::En] {
        for (name, h) in states_in(lang, false) {
            let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
            terminal.draw(|f| okr::ui::draw(&h.app, f)).unwrap();
            let buf = terminal.backend().buffer().clone();
            for cell in buf.content() {
                assert!(
                    cell.fg == Color::Reset && cell.bg == Color::Reset,
                    "{name} in {lang:?}: a colour in {:?}",
                    cell.symbol()
                );
            }
        }
    }
    let h = Harness::with_setup(Some(demo()), Lang::En, |s| s.color = false);
    assert!(render(&h.app, 100, 30).contains("behind pace"));
}

#[test]
fn wide_characters_in_a_narrow_field_stay_visible() {
    let mut h = Harness::new(None, Lang::En);
    h.keys(&[ch('a')]);
    h.type_text(&"漢".repeat(40));
    let text = render(&h.app, 60, 20);
    let title = text.lines().find(|l| l.contains("Title")).unwrap();
    assert!(
        title.contains('漢'),
        "the end of what is typed shows:\n{text}"
    );
}

/// The words of a text: what stands between blanks, ` · ` and borders.
fn words(text: &str) -> std::collections::HashSet<&str> {
    text.split(|c: char| c.is_whitespace() || c == '·' || c == '│')
        .filter(|w| !w.is_empty())
        .collect()
}

/// The states whose footer is the screen's last row (no overlay covers it).
fn footer_states(lang: Lang) -> impl Iterator<Item = (&'static str, Harness)> {
    states(lang)
        .into_iter()
        .filter(|(name, _)| !matches!(*name, "help" | "help_detail" | "search"))
}

#[test]
fn the_footer_leaves_out_whole_key_hints_and_ends_with_the_help_key() {
    for lang in [Lang::Sv, Lang::En] {
        let (help, more) = match lang {
            Lang::Sv => ("hjälp", "fler"),
            Lang::En => ("help", "more"),
        };
        for (name, h) in footer_states(lang) {
            let footer = |w: u16| {
                render(&h.app, w, 30)
                    .lines()
                    .last()
                    .unwrap()
                    .trim_end()
                    .to_string()
            };
            let full = footer(400);
            let hints: Vec<&str> = full.split(" · ").collect();
            let help_hint = hints
                .iter()
                .find(|hint| hint.ends_with(&format!(" {help}")));
            // The help key's first key: `?` of `?/F1`.
            let tail = help_hint.map_or("…".to_string(), |hint| {
                let keys = hint.strip_suffix(help).unwrap().trim_end();
                format!("{} {more}", keys.split('/').next().unwrap())
            });
            let others: Vec<&str> = hints
                .iter()
                .copied()
                .filter(|hint| Some(hint) != help_hint)
                .collect();
            for w in 40..=200 {
                let shown = footer(w);
                if shown == full {
                    continue;
                }
                let at = format!("{name} at {w} columns in {lang:?}");
                assert!(
                    shown.ends_with(&tail),
                    "{at}: {shown:?} does not end with {tail:?}"
                );
                let kept = shown
                    .strip_suffix(&tail)
                    .unwrap()
                    .trim_end()
                    .trim_end_matches('·')
                    .trim_end();
                let kept: Vec<&str> = if kept.is_empty() {
                    Vec::new()
                } else {
                    kept.split(" · ").collect()
                };
                assert_eq!(
                    kept,
                    others[..kept.len()],
                    "{at}: a hint cut or out of order in {shown:?}"
                );
                // As many as fit: the next hint would not have.
                if let Some(next) = others.get(kept.len()) {
                    let with_next = kept
                        .iter()
                        .chain([next])
                        .map(|h| h.chars().count() + 3)
                        .sum::<usize>()
                        + tail.chars().count();
                    assert!(
                        with_next > usize::from(w),
                        "{at}: room left for {next:?} in {shown:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn bar_lines_that_do_not_fit_end_with_a_mark_never_a_word_cut_in_half() {
    let bar = |c: char| matches!(c, '█' | '░' | '┃');
    let sparkline = |w: &str| w.chars().all(|c| ('▁'..='█').contains(&c));
    for lang in [Lang::Sv, Lang::En] {
        // The screens under no modal or help, which would cover their lines.
        for (name, h) in states(lang)
            .into_iter()
            .filter(|(_, h)| h.app.modal().is_none() && !h.app.help_open())
        {
            let wide = render(&h.app, 200, 60);
            let known = words(&wide);
            for w in 60..=100 {
                let text = render(&h.app, w, 40);
                for line in text.lines().filter(|l| l.contains(bar)) {
                    let last = line.rfind(bar).unwrap();
                    let tail = &line[last + line[last..].chars().next().unwrap().len_utf8()..];
                    for word in words(tail) {
                        assert!(
                            word == "…" || sparkline(word) || known.contains(word),
                            "{name} at {w} columns in {lang:?}: {word:?} cut in {line:?}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_mal_and_their_key_results_share_the_height_by_what_each_holds() {
    use okr::ui::quarter::share_height;
    // Both fit: the Mål all they hold, the key results the rest.
    assert_eq!(share_height(30, 12, 8, false), 12);
    // The one that holds less keeps it all; the other has the rest (the
    // Mål that scroll whole ones).
    assert_eq!(share_height(25, 20, 8, false), 16);
    assert_eq!(share_height(24, 20, 8, false), 16);
    assert_eq!(share_height(25, 6, 30, false), 6);
    // Both more than half: in proportion, whole items of two lines.
    assert_eq!(share_height(20, 22, 22, false), 10);
    assert_eq!(share_height(21, 32, 14, false), 14);
    // A small window: one item of the focused pane at least.
    assert_eq!(share_height(6, 12, 8, false), 4);
    assert_eq!(share_height(6, 12, 8, true), 2);
    for height in 0..40 {
        for (o, k) in [
            (4, 4),
            (40, 4),
            (4, 40),
            (40, 40),
            (0, 0),
            (u16::MAX, u16::MAX),
        ] {
            for below in [false, true] {
                assert!(share_height(height, o, k, below) <= height);
            }
        }
    }

    // Nine Mål, the first with three key results: the Mål pane shows more
    // of them and the key result pane below stands no longer half empty.
    let mut data = demo();
    let (quarter, now) = (data.objectives[0].quarter, data.objectives[0].created);
    for n in 10..14 {
        let title = format!("Mål nummer {n}");
        let o =
            okr::model::Objective::new(format!("o{n}"), title, Default::default(), quarter, now);
        data.objectives.push(o.into());
    }
    for lang in [Lang::En, Lang::Sv] {
        let h = Harness::new(Some(data.clone()), lang);
        let text = render(&h.app, 100, 30);
        let rows: Vec<&str> = text.lines().collect();
        let boxes: Vec<usize> = (0..rows.len())
            .filter(|i| rows[*i].starts_with('┌'))
            .collect();
        let [mal, krs] = boxes[..] else {
            panic!("two panes:\n{text}")
        };
        let shown = rows[mal..krs].iter().filter(|l| l.contains('[')).count();
        assert!(shown >= 7, "{shown} Mål shown:\n{text}");
        let end = (krs..rows.len())
            .find(|i| rows[*i].starts_with('└'))
            .unwrap();
        let empty = rows[krs + 1..end]
            .iter()
            .filter(|l| l.trim_matches(['│', ' ']).is_empty())
            .count();
        assert!(
            empty <= 1,
            "{empty} empty rows under the key results:\n{text}"
        );
        assert!(text.contains("kr3 Öka snittförsäljning"), "{text}");
    }
}

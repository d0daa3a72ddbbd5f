//! The HTML report in a real browser, headless Chromium (Debian's
//! `chromium-headless-shell`, else `chromium --headless`): the page
//! `okr export --format html` writes is drawn (a screenshot at a desktop's
//! width and at a phone's), read back (the DOM the browser built from it)
//! and printed (a PDF), and the browser's console stays silent throughout.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::html::{OWNER, TITLE, page_data};
use crate::support::{Sandbox, not_applicable};

/// How long one run of the browser may take.
const LIMIT: Duration = Duration::from_secs(90);

/// The browser on `PATH`, and whether it needs `--headless`.
fn browser() -> Option<(PathBuf, bool)> {
    let path = std::env::var_os("PATH")?;
    [("chromium-headless-shell", false), ("chromium", true)]
        .into_iter()
        .find_map(|(name, flag)| {
            std::env::split_paths(&path)
                .map(|dir| dir.join(name))
                .find(|p| p.is_file())
                .map(|p| (p, flag))
        })
}

/// What one run of the browser printed.
struct Seen {
    stdout: String,
    stderr: String,
}

/// The browser on `page` doing `action` (`--dump-dom`, `--screenshot=…`,
/// `--print-to-pdf=…`) in a window of `size`, with its console written to
/// standard error; its profile and home in the sandbox.
fn open(sandbox: &Sandbox, page: &Path, action: &str, size: (u32, u32)) -> Seen {
    let (bin, headless) = browser().expect("a browser");
    let mut c = Command::new(bin);
    if headless {
        c.arg("--headless");
    }
    c.env("HOME", sandbox.home())
        .args([
            // As root there is no sandbox to start; the page is a local
            // file that may load and run nothing.
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!(
            "--user-data-dir={}",
            sandbox.path().join("profile").display()
        ))
        .arg(format!("--window-size={},{}", size.0, size.1))
        .arg(action)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("starting the browser");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the browser took more than {LIMIT:?} on {action}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let (stdout, stderr) = (stdout.join().unwrap(), stderr.join().unwrap());
    assert!(status.success(), "{action}: {stderr}");
    Seen { stdout, stderr }
}

/// The lines of the browser's log that are the page's console or its
/// errors: an uncaught error, a message to the console, a blocked load.
fn console(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains(":CONSOLE") || l.contains("Uncaught") || l.contains("Refused to"))
        .collect()
}

/// A text as the browser writes it back in the DOM's text.
fn dom_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{a0}', "&nbsp;")
}

/// A screenshot's pixels (RGB), its width and height.
fn pixels(png_file: &Path) -> (Vec<[u8; 3]>, u32, u32) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_file).expect("the screenshot"),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let step = info.color_type.samples();
    let px = buf[..info.buffer_size()]
        .chunks(step)
        .map(|p| match p.len() {
            1 | 2 => [p[0]; 3],
            _ => [p[0], p[1], p[2]],
        })
        .collect();
    (px, info.width, info.height)
}

/// How many pixels are within a few steps of `rgb`.
fn near(px: &[[u8; 3]], rgb: [u8; 3]) -> usize {
    px.iter()
        .filter(|p| p.iter().zip(rgb).all(|(a, b)| a.abs_diff(b) <= 8))
        .count()
}

/// A screenshot that shows a page: its size, many colours and a good
/// share of pixels that are not the background. Its pixels, row by row.
fn assert_drawn(png_file: &Path, size: (u32, u32), what: &str) -> Vec<[u8; 3]> {
    let (px, w, h) = pixels(png_file);
    assert_eq!((w, h), size, "{what}");
    let mut colours: Vec<[u8; 3]> = px.clone();
    colours.sort_unstable();
    colours.dedup();
    assert!(colours.len() >= 32, "{what}: {} colours", colours.len());
    let ink = px.iter().filter(|p| **p != [255, 255, 255]).count();
    assert!(
        ink * 100 >= px.len() * 3,
        "{what}: {ink} of {} pixels drawn",
        px.len()
    );
    px
}

/// The style sheet's colours of the statuses, which only a styled page has.
const STATUSES: [(&str, [u8; 3]); 3] = [
    ("behind", [0xb4, 0x23, 0x18]),
    ("on pace", [0x0a, 0x62, 0xc9]),
    ("done", [0x1a, 0x7f, 0x37]),
];

/// The style sheet's colour of a Mål's frame.
const FRAME: [u8; 3] = [0xd1, 0xd9, 0xe0];

#[test]
fn the_report_draws_reads_back_and_prints_in_a_real_browser_with_a_silent_console() {
    if browser().is_none() {
        not_applicable("no headless Chromium (chromium-headless-shell or chromium) on PATH");
        return;
    }
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.home()).unwrap();

    // The console check hears a page that speaks: a script of its own.
    let control = sandbox.input(
        "control.html",
        "<!DOCTYPE html><title>c</title><script>console.error('okr-console-check')</script>",
    );
    let seen = open(&sandbox, &control, "--dump-dom", (800, 600));
    assert!(
        console(&seen.stderr)
            .iter()
            .any(|l| l.contains("okr-console-check")),
        "the browser's console is not in its log: {}",
        seen.stderr
    );

    sandbox.write_json(&page_data());
    let r = sandbox.okr_e2e(&[
        "--lang",
        "sv",
        "export",
        "--format",
        "html",
        "--quarter",
        "all",
    ]);
    r.ok();
    let page = sandbox.input("okr.html", &r.stdout);

    // The DOM as the browser built it: the texts are text, and nothing
    // else came in.
    let seen = open(&sandbox, &page, "--dump-dom", (1280, 2400));
    let dom = &seen.stdout;
    assert!(dom.contains("<html lang=\"sv\">"), "{dom:.300}");
    for text in [
        "Bli bäst i Norden",
        "Gör kunderna glada",
        "Nyckelresultat",
        "ligger efter",
        "Betyg och retro",
        TITLE,
        OWNER,
    ] {
        assert!(dom.contains(&dom_text(text)), "{text} in the DOM: {dom}");
    }
    let lower = dom.to_lowercase();
    for element in ["<script", "<img", "<iframe", "<link", "<object", "<embed"] {
        assert!(!lower.contains(element), "{element} in the DOM");
    }
    assert_eq!(console(&seen.stderr), Vec::<&str>::new(), "--dump-dom");

    // Drawn at a desktop's width, with the colours of the statuses.
    let wide = (1280, 2400);
    let shot = sandbox.path().join("wide.png");
    let seen = open(
        &sandbox,
        &page,
        &format!("--screenshot={}", shot.display()),
        wide,
    );
    assert_eq!(console(&seen.stderr), Vec::<&str>::new(), "wide");
    let px = assert_drawn(&shot, wide, "wide");
    for (name, rgb) in STATUSES {
        assert!(near(&px, rgb) >= 40, "no {name} colour drawn");
    }

    // And at a phone's: the Mål's frames end inside the screen (the right
    // edge of one is a column of its colour among the last), so nothing is
    // cut off to the right.
    let phone = (390, 1600);
    let shot = sandbox.path().join("phone.png");
    let seen = open(
        &sandbox,
        &page,
        &format!("--screenshot={}", shot.display()),
        phone,
    );
    assert_eq!(console(&seen.stderr), Vec::<&str>::new(), "phone");
    let px = assert_drawn(&shot, phone, "phone");
    let width = phone.0 as usize;
    let edge = (width - 16..width)
        .map(|x| {
            near(
                &px.iter()
                    .skip(x)
                    .step_by(width)
                    .copied()
                    .collect::<Vec<_>>(),
                FRAME,
            )
        })
        .max();
    assert!(
        edge >= Some(200),
        "the Mål's frames are not inside a phone's screen: {edge:?}"
    );

    // Printed.
    let pdf = sandbox.path().join("okr.pdf");
    let seen = open(
        &sandbox,
        &page,
        &format!("--print-to-pdf={}", pdf.display()),
        (1280, 2400),
    );
    assert_eq!(console(&seen.stderr), Vec::<&str>::new(), "--print-to-pdf");
    let bytes = std::fs::read(&pdf).expect("the PDF");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    assert!(bytes.len() > 10_000, "a PDF of {} bytes", bytes.len());
}

#[test]
fn the_weekly_digest_draws_in_a_real_browser_with_a_silent_console() {
    if browser().is_none() {
        not_applicable("no headless Chromium (chromium-headless-shell or chromium) on PATH");
        return;
    }
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.home()).unwrap();
    sandbox.write_json(&crate::support::fixture::team_week());
    let r = sandbox.okr_e2e(&["--lang", "sv", "report", "--format", "html"]);
    r.ok();
    let page = sandbox.input("digest.html", &r.stdout);
    let seen = open(&sandbox, &page, "--dump-dom", (1280, 1600));
    let dom = &seen.stdout;
    for text in [
        "Veckosammanfattning 2026-W47",
        "Har inte checkat in: Bo",
        "Ring <b>Bo</b>",
        "Sälj för 100 miljoner",
    ] {
        assert!(dom.contains(&dom_text(text)), "{text} in the DOM: {dom}");
    }
    assert_eq!(console(&seen.stderr), Vec::<&str>::new(), "--dump-dom");
    let size = (800, 1200);
    let shot = sandbox.path().join("digest.png");
    let seen = open(
        &sandbox,
        &page,
        &format!("--screenshot={}", shot.display()),
        size,
    );
    assert_eq!(console(&seen.stderr), Vec::<&str>::new(), "screenshot");
    let (px, w, h) = pixels(&shot);
    assert_eq!((w, h), size);
    let ink = px.iter().filter(|p| **p != [255, 255, 255]).count();
    assert!(ink * 100 >= px.len(), "{ink} of {} pixels drawn", px.len());
    assert!(near(&px, STATUSES[0].1) >= 20, "no behind colour drawn");
}

use articles::front_matter::{self, FrontMatter};
use articles::{build, content, diagnostic::Report, import, pictures::Pictures, render::Shell, slug};
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Checks and builds the viewer's articles.
#[derive(Parser)]
#[command(name = "articles", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Checks every file in the content folder and reports every problem.
    Check {
        /// The content folder (site.toml, topics.toml, articles/).
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Checks, then writes data/ and the pages into the site folder.
    Build {
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The site folder to write into.
        #[arg(long, default_value = "dist")]
        out: PathBuf,
        /// The built page to put the prerendered pages in; without it only data/ is written.
        #[arg(long)]
        shell: Option<PathBuf>,
        /// Also drafts and articles still under embargo, for a preview.
        #[arg(long)]
        drafts: bool,
        /// A folder that keeps the pictures' widths between builds into an
        /// empty site folder, so that each is made once.
        #[arg(long)]
        picture_cache: Option<PathBuf>,
    },
    /// Turns RSS, Atom and JSON Feed items into articles; importing again
    /// changes only what the feed changed.
    Import {
        /// Feed files, or folders of them.
        #[arg(required = true)]
        feeds: Vec<PathBuf>,
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Writes a synthetic Russian corpus, marked as such, for benchmarks and
    /// tests: every article its own, in real inflected word forms.
    Synth {
        /// How many articles.
        #[arg(long, default_value_t = 10_000)]
        count: usize,
        /// The folder to write it into: its own site.toml, topics.toml and articles/.
        #[arg(long)]
        content: PathBuf,
        /// The topics to write about.
        #[arg(long, default_value = "content/topics.toml")]
        topics: PathBuf,
        /// Another seed, another corpus; the same seed, the same corpus.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Starts a new article dated today, with its front matter filled in.
    New {
        /// The article's title.
        title: String,
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check { content } => {
            let (report, found) = check(&content);
            eprint!("{}", report.render());
            match found {
                Some((n, held)) if !report.has_errors() => {
                    let articles = |n: usize| if n == 1 { "1 article".to_owned() } else { format!("{n} articles") };
                    match held {
                        0 => eprintln!("{} checked", articles(n)),
                        held => eprintln!("{} checked, {} of them held back (drafts or under embargo)", articles(n), held),
                    }
                    ExitCode::SUCCESS
                }
                _ => ExitCode::FAILURE,
            }
        }
        Command::Build { content, out, shell, drafts, picture_cache } => run_build(&content, &out, shell.as_deref(), drafts, picture_cache.as_deref()),
        Command::Import { feeds, content } => {
            let report = import::run(&feeds, &content);
            for line in report.lines() {
                eprintln!("{line}");
            }
            eprintln!("{}", report.summary());
            if report.errors() == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Command::New { title, content } => new_article(&title, &content),
        Command::Synth { count, content, topics, seed } => {
            let written = std::fs::read_to_string(&topics)
                .map_err(|e| format!("{}: {e}", topics.display()))
                .and_then(|text| articles::synth::write(&content, &text, count, seed));
            match written {
                Ok(w) => {
                    eprintln!("{} synthetic articles ({} bytes) in {}", w.articles, w.bytes, content.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// Where a new article points at the optional `[source]`, for the editor to
/// fill in: a front matter with only this comment, to which the fields are
/// added.
const NEW_ARTICLE_NOTE: &str = "\n# [source]\n# name = \"\"\n# url = \"https://…\"\n";

fn new_article(title: &str, dir: &Path) -> ExitCode {
    let title = title.trim();
    if title.is_empty() {
        eprintln!("error: give the article a title: articles new \"Заголовок\"");
        return ExitCode::FAILURE;
    }
    let today = content::today();
    let path = dir.join("articles").join(format!("{today}-{}.md", slug::for_title(title)));
    if path.exists() {
        eprintln!("{}: error: this file is already there; nothing was written", path.display());
        return ExitCode::FAILURE;
    }
    // Empty fields for the editor to fill in.
    let fields = FrontMatter {
        title: title.to_owned(),
        date: Some(today),
        topics: Some(Vec::new()),
        summary: Some(String::new()),
        people: Some(Vec::new()),
        places: Some(Vec::new()),
        organizations: Some(Vec::new()),
        ..FrontMatter::default()
    };
    let toml = fields.update(NEW_ARTICLE_NOTE).expect("the note is TOML: comments only");
    let text = front_matter::join(&toml, "The first paragraph is the lead.");
    let written = std::fs::create_dir_all(path.parent().unwrap_or(dir)).and_then(|()| std::fs::write(&path, text));
    match written {
        Ok(()) => {
            println!("{}", path.display());
            eprintln!("new article: {}; fill in `topics` and `summary`, then `make check`", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: error: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}

/// Every article checked, drafts and embargoed ones too: how many, and how many of them are held back.
fn check(dir: &Path) -> (Report, Option<(usize, usize)>) {
    let mut report = Report::default();
    let found = content::load_with(dir, &mut report, true, Pictures::check(), |_, body| body)
        .map(|(c, _)| (c.articles.len(), c.articles.iter().filter(|a| a.held).count()));
    (report, found)
}

fn run_build(dir: &Path, out: &Path, shell: Option<&Path>, drafts: bool, picture_cache: Option<&Path>) -> ExitCode {
    let mut report = Report::default();
    // Only each body's file name is kept: a body is read again when it is written.
    let loaded = content::load_with(dir, &mut report, drafts, Pictures::writing(out, picture_cache), |meta, body| build::body_name(meta, &body));
    let shell = match shell.map(|p| (p, std::fs::read_to_string(p))) {
        None => None,
        Some((_, Ok(html))) => match Shell::new(html) {
            Ok(s) => Some(s),
            Err(e) => return fail(&report, &format!("{}: {e}", shell_name(shell))),
        },
        Some((p, Err(e))) => return fail(&report, &format!("{}: {e}", p.display())),
    };
    if !report.diagnostics.is_empty() {
        eprint!("{}", report.render());
    }
    let Some((content, reader)) = loaded.filter(|_| !report.has_errors()) else {
        eprintln!("nothing was written");
        return ExitCode::FAILURE;
    };
    match build::write_site(out, &content, &reader, shell.as_ref()) {
        Ok((written, total)) => {
            eprintln!("{} articles: {written} of {total} files updated in {}", content.articles.len(), out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

fn shell_name(p: Option<&Path>) -> String {
    p.map(|p| p.display().to_string()).unwrap_or_default()
}

fn fail(report: &Report, message: &str) -> ExitCode {
    eprint!("{}", report.render());
    eprintln!("{message}\nnothing was written");
    ExitCode::FAILURE
}

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

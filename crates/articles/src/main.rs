use articles::{build, content, diagnostic::Report, render::Shell};
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
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check { content } => {
            let (report, found) = check(&content);
            eprint!("{}", report.render());
            match found {
                Some(n) if !report.has_errors() => {
                    eprintln!("{n} articles checked");
                    ExitCode::SUCCESS
                }
                _ => ExitCode::FAILURE,
            }
        }
        Command::Build { content, out, shell } => run_build(&content, &out, shell.as_deref()),
    }
}

fn check(dir: &Path) -> (Report, Option<usize>) {
    let mut report = Report::default();
    let found = content::load(dir, &mut report).map(|c| c.articles.len());
    (report, found)
}

fn run_build(dir: &Path, out: &Path, shell: Option<&Path>) -> ExitCode {
    let mut report = Report::default();
    let loaded = content::load(dir, &mut report);
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
    let Some(content) = loaded.filter(|_| !report.has_errors()) else {
        eprintln!("nothing was written");
        return ExitCode::FAILURE;
    };
    let files = build::files(&content, shell.as_ref());
    match build::write(out, &files) {
        Ok(written) => {
            eprintln!("{} articles: {written} of {} files updated in {}", content.articles.len(), files.len(), out.display());
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

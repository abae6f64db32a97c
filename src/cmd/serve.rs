//! `helder serve`: the local web pages for template authors and the
//! call-first list ([`crate::serve`]), on 127.0.0.1 unless told otherwise.

use super::{Outcome, Terminal};
use crate::cli::ServeArgs;
use crate::config::Config;
use crate::serve::ServeOptions;

/// Serves until the process ends.
pub fn run(
    args: &ServeArgs,
    config: Config,
    terminal: &mut dyn Terminal,
) -> anyhow::Result<Outcome> {
    let secret = crate::serve::login::Secret::load(args.secret_file.as_deref())
        .map_err(|e| anyhow::anyhow!(e))?;
    if !args.address.is_loopback() && secret.is_some() {
        terminal.warning(&format!(
            "let op: helder serve luistert op {}; andere computers in het netwerk kunnen de pagina's openen na inloggen met het geheim. Gebruik dit alleen op een vertrouwd netwerk.",
            args.address
        ));
    }
    if let Some(warning) = args
        .out
        .as_deref()
        .and_then(crate::folder::permission_warning)
    {
        terminal.warning(&warning);
    }
    let options = ServeOptions {
        address: args.address,
        port: args.port,
        out: args.out.clone(),
        hosts: args.hosts.clone(),
        secret,
    };
    crate::serve::run(options, config, |address| {
        terminal.line(&format!(
            "helder serve: http://{address}/ (stoppen: Ctrl+C)"
        ));
    })?;
    Ok(Outcome::Success)
}

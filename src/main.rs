//! The `annals` binary: everything lives in the library; this only hands over the arguments.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    annals::cli::main()
}

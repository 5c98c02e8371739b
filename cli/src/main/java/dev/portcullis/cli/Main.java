package dev.portcullis.cli;

/** Entry point of the {@code portcullis} command. */
public final class Main {
    private Main() {
    }

    /** Runs a subcommand. */
    public static void main(String[] args) {
        System.out.println("portcullis: work in progress");
    }
}

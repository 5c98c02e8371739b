package dev.portcullis.cli;

import java.io.PrintStream;
import java.util.Arrays;

import dev.portcullis.cli.demo.Demo;

/**
 * The {@code portcullis} command. {@code portcullis demo} runs the end-to-end demonstration; {@code portcullis help}
 * lists the commands.
 */
public final class Main {
    private Main() {
    }

    /** Runs the subcommand named by {@code args[0]}; exits non-zero on failure. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a subcommand, printing to {@code out}/{@code err}; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        try {
            switch (command) {
                case "demo":
                    return new Demo(out).run(rest);
                case "help":
                case "--help":
                case "-h":
                    usage(out);
                    return 0;
                default:
                    err.println("portcullis: unknown command '" + command + "'");
                    usage(err);
                    return 2;
            }
        } catch (RuntimeException e) {
            err.println("portcullis " + command + ": " + e);
            return 1;
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: portcullis <command>");
        out.println("  demo    run the end-to-end demonstration of what the library does");
        out.println("  help    show this text");
    }
}

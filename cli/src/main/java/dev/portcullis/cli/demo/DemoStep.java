package dev.portcullis.cli.demo;

import java.io.PrintStream;

/**
 * One section of the demonstration: does real work with the library and prints what it did. Steps run in order
 * and may use what earlier steps left in the {@link DemoState}.
 */
interface DemoStep {
    /** A short title printed above the step's output. */
    String title();

    /** Does the work, printing to {@code out}. */
    void run(DemoState state, PrintStream out) throws Exception;
}

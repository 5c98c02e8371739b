package dev.portcullis.cli.demo;

import java.nio.file.Path;

/** What the demonstration's steps hand to each other. */
final class DemoState {
    /** A scratch directory, deleted when the demonstration ends. */
    final Path workDir;

    DemoState(Path workDir) {
        this.workDir = workDir;
    }
}

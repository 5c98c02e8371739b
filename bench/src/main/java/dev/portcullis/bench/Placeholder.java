package dev.portcullis.bench;

final class Placeholder {
    private Placeholder() {
    }
}

/** JMH benchmarks; see bench/README.md for how to run them. */
package dev.portcullis.bench;

/**
 * Fuzz tests of the five parsers that read input nobody here wrote: LTL formulas, URDF, ROS 2
 * parameter YAML, CDR payloads and MCAP files. Each class combines structure-aware generators
 * (random formulas, URDF documents, YAML trees, messages, MCAP files) with byte-level mutation of
 * a seed corpus ({@code src/test/resources/fuzz/<target>/} plus the real files under
 * {@code ../shared/data}, read in place). The property is the parser's documented contract: it
 * returns a value or throws its documented exception, within {@link Fuzz#PER_INPUT}.
 *
 * <p>Why jqwik rather than Jazzer: jqwik is a plain JUnit Platform engine, so these tests run in
 * the normal surefire pass on every machine, with fixed seeds and bounded tries, and its
 * generators build the structured inputs (formula trees, XML, YAML, message layouts) that reach
 * the code behind each parser's syntax check. Jazzer's coverage guidance only pays off in long
 * campaigns on dedicated cores, and it needs a Java agent plus native libraries in the test JVM;
 * on a shared two-core CI runner its JUnit integration would only replay a corpus, which the seed
 * corpora here already do.
 */
package dev.flotilla.fuzz;

/**
 * Fuzz tests of the five parsers that read input nobody here wrote: LTL formulas, URDF, ROS 2
 * parameter YAML, CDR payloads and MCAP files. The property is each parser's documented contract:
 * it returns a value or throws its documented exception, within {@link Fuzz#PER_INPUT} and a
 * bounded allocation, never anything else.
 *
 * <p>Each class has two kinds of test:
 *
 * <ul>
 *   <li>One Jazzer {@code @FuzzTest} per parser ({@code ltlParser}, {@code urdfParser},
 *       {@code paramsLoader}, {@code cdrDecoder}, {@code mcapReader}). Its corpus is committed
 *       under {@code src/test/resources/dev/flotilla/fuzz/<Class>Inputs/<method>/}: the seeds and
 *       every crash found so far. In the normal test run Jazzer replays each file as one test
 *       (regression mode); with {@code JAZZER_FUZZ=1} the same method runs a coverage-guided
 *       campaign (libFuzzer with JVM instrumentation) and writes new crashes into that folder, so
 *       a fixed crash stays a regression test. Coverage guidance is what finds inputs no
 *       hand-written generator thinks of, but it only pays off in a campaign of its own, on a
 *       dedicated core; on a shared CI runner replaying the corpus is the part worth running.
 *   <li>Structure-aware generators and mutation in plain JUnit 5 ({@link Fuzz#forAll}): random
 *       formula trees, URDF documents, YAML trees, messages and schemas, MCAP files from our
 *       writer, and byte-level mutation of the corpus plus the real files under
 *       {@code ../shared/data} (read in place). They are driven by {@link
 *       java.util.SplittableRandom} with a fixed seed per property and bounded tries (300, about a
 *       minute in all), so every build runs them reproducibly, reaches the code behind each
 *       parser's syntax check without a campaign, and a failure names the seed and try to replay
 *       ({@code -Dflotilla.fuzz.replay=<seed>:<try>}) and the input (also saved under
 *       {@code target/fuzz-failures/}). {@code -Dflotilla.fuzz.tries=N} lengthens them.
 * </ul>
 *
 * <p>These generators were first written with jqwik. Its author has asked that jqwik not be used
 * with AI coding agents, and this code is written by them, so jqwik was dropped and the
 * generators ported to seeded JUnit tests.
 */
package dev.flotilla.fuzz;

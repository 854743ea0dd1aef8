package dev.flotilla.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flotilla.bench.SecurityBenchmark;
import dev.flotilla.cdr.CdrWriter;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.Auth;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signing, verification and the canonical encoding (issue #8). */
class MessageAuthenticatorTest {
  static final String ALLOC = "/flotilla/allocation";
  static final String HB = "/flotilla/heartbeat";
  final KeyDir keys = KeyDir.ephemeral(List.of("allocator", "planner", "r1", "mallory"));
  final Roster roster = Roster.of(Roster.defaultNodes(), List.of("r1"));
  final MessageAuthenticator auth = new MessageAuthenticator(roster, keys);
  final Allocation plan = SecurityBenchmark.typicalAllocation(3, 2);

  Allocation signed() {
    return auth.sign(ALLOC, Allocation.TYPE, plan, "allocator", 7, Auth.SCHEME_ED25519);
  }

  RejectReason reason(Verdict v) {
    return assertInstanceOf(Verdict.Rejected.class, v).reason();
  }

  @Test
  void aSignedAllocationVerifiesAndCarriesSenderAndSequence() {
    Allocation a = signed();
    assertEquals("allocator", a.auth().senderId());
    assertEquals(7, a.auth().sequence());
    assertEquals(64, a.auth().signature().size(), "Ed25519 signatures are 64 bytes");
    assertEquals(new Verdict.Accepted("allocator"),
        auth.verify(ALLOC, Right.ALLOCATIONS, Allocation.TYPE, a));
  }

  @Test
  void aRobotsHmacHeartbeatVerifies() {
    Heartbeat h = auth.sign(HB, Heartbeat.TYPE, SecurityBenchmark.typicalHeartbeat(), "r1", 1,
        Auth.SCHEME_HMAC_SHA256);
    assertEquals(32, h.auth().signature().size());
    assertInstanceOf(Verdict.Accepted.class, auth.verify(HB, Right.HEARTBEATS, Heartbeat.TYPE,
        h));
  }

  @Test
  void theCanonicalEncodingIsTheTopicThenTheCdrWithAnEmptySignature() {
    Allocation unsigned = plan.withAuth(new Auth("allocator", 7, Auth.SCHEME_ED25519, List.of()));
    byte[] c = MessageAuthenticator.canonical(ALLOC, Allocation.TYPE, unsigned);
    byte[] cdr = Allocation.TYPE.encode(unsigned);
    assertEquals(ALLOC.length() + 1 + cdr.length, c.length);
    assertEquals(0, c[ALLOC.length()]);
    byte[] tail = new byte[cdr.length];
    System.arraycopy(c, ALLOC.length() + 1, tail, 0, cdr.length);
    assertArrayEquals(cdr, tail);
  }

  @Test
  void aSignatureIsBoundToItsTopic() {
    Allocation a = auth.sign("/flotilla/ltl_plan", Allocation.TYPE, plan, "allocator", 1,
        Auth.SCHEME_ED25519);
    assertEquals(RejectReason.BAD_SIGNATURE,
        reason(auth.verify(ALLOC, Right.ALLOCATIONS, Allocation.TYPE, a)));
  }

  @Test
  void aTamperedFieldOrSequenceFailsTheSignature() {
    Allocation a = signed();
    Allocation richer = new Allocation(a.planVersion() + 1, a.stamp(), a.cause(), a.plans(),
        a.unassigned(), a.expectedUtility(), a.auth());
    assertEquals(RejectReason.BAD_SIGNATURE,
        reason(auth.verify(ALLOC, Right.ALLOCATIONS, Allocation.TYPE, richer)));
    Allocation later = a.withAuth(new Auth("allocator", 8, Auth.SCHEME_ED25519,
        a.auth().signature()));
    assertEquals(RejectReason.BAD_SIGNATURE,
        reason(auth.verify(ALLOC, Right.ALLOCATIONS, Allocation.TYPE, later)));
  }

  @Test
  void aBitFlippedSignatureIsRejected() {
    Allocation a = signed();
    for (int bit : new int[] {0, 100, 511}) {
      List<Byte> sig = new ArrayList<>(a.auth().signature());
      sig.set(bit / 8, (byte) (sig.get(bit / 8) ^ (1 << (bit % 8))));
      Allocation flipped = a.withAuth(new Auth("allocator", 7, Auth.SCHEME_ED25519, sig));
      assertEquals(RejectReason.BAD_SIGNATURE,
          reason(auth.verify(ALLOC, Right.ALLOCATIONS, Allocation.TYPE, flipped)), "bit " + bit);
    }
    Allocation truncated = a.withAuth(new Auth("allocator", 7, Auth.SCHEME_ED25519,
        a.auth().signature().subList(0, 10)));
    assertEquals(RejectReason.BAD_SIGNATURE,
        reason(auth.verify(ALLOC, Right.ALLOCATIONS, Allocation.TYPE, truncated)));
  }

  @Test
  void unsignedUnknownAndWrongRoleAreTold() {
    assertEquals(RejectReason.UNSIGNED,
        reason(auth.verify(ALLOC, Right.ALLOCATIONS, Allocation.TYPE, plan)));
    Allocation byMallory = auth.sign(ALLOC, Allocation.TYPE, plan, "mallory", 1,
        Auth.SCHEME_ED25519);
    assertEquals(RejectReason.UNKNOWN_SENDER,
        reason(auth.verify(ALLOC, Right.ALLOCATIONS, Allocation.TYPE, byMallory)));
    Allocation byRobot = auth.sign(ALLOC, Allocation.TYPE, plan, "r1", 1, Auth.SCHEME_ED25519);
    assertEquals(RejectReason.WRONG_ROLE,
        reason(auth.verify(ALLOC, Right.ALLOCATIONS, Allocation.TYPE, byRobot)));
    Allocation byPlanner = auth.sign(ALLOC, Allocation.TYPE, plan, "planner", 1,
        Auth.SCHEME_ED25519);
    assertEquals(RejectReason.WRONG_ROLE,
        reason(auth.verify(ALLOC, Right.ALLOCATIONS, Allocation.TYPE, byPlanner)));
  }

  @Test
  void hmacIsRefusedOnPlanChangingTopicsBecauseItsVerifierCouldForge() {
    Allocation mac = auth.sign(ALLOC, Allocation.TYPE, plan, "allocator", 1,
        Auth.SCHEME_HMAC_SHA256);
    assertEquals(RejectReason.BAD_SIGNATURE,
        reason(auth.verify(ALLOC, Right.ALLOCATIONS, Allocation.TYPE, mac)));
  }

  @Test
  void aSignerWithoutItsKeyFailsWithASentence() {
    MessageAuthenticator verifierOnly = new MessageAuthenticator(roster,
        keys.without(List.of("allocator")));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> verifierOnly.sign(
        ALLOC, Allocation.TYPE, plan, "allocator", 1, Auth.SCHEME_ED25519));
    assertEquals(true, e.getMessage().contains("allocator.key"), e.getMessage());
    assertInstanceOf(Verdict.Accepted.class,
        verifierOnly.verify(ALLOC, Right.ALLOCATIONS, Allocation.TYPE, signed()));
  }

  @Test
  void aPayloadRecordedBeforeAuthExistedStillDecodes() {
    // The pre-#8 layout is the new one without the trailer: write the old fields only.
    Heartbeat h = SecurityBenchmark.typicalHeartbeat();
    CdrWriter w = new CdrWriter();
    w.writeString(h.robotId());
    w.writeInt64(h.sequenceNumber());
    h.stamp().write(w);
    w.writeInt8(h.state());
    w.writeString(h.currentTaskId());
    w.writeInt32(h.currentStep());
    w.writeInt64(h.planVersion());
    w.writeFloat32(h.battery());
    w.writeFloat32(h.health());
    Heartbeat old = Heartbeat.TYPE.decode(w.toByteArray());
    assertEquals(h, old);
    assertEquals(Auth.SCHEME_NONE, old.auth().scheme());
  }
}

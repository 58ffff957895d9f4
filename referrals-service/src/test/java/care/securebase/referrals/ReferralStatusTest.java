package care.securebase.referrals;

import static care.securebase.referrals.ReferralStatus.ACCEPTED;
import static care.securebase.referrals.ReferralStatus.CANCELLED;
import static care.securebase.referrals.ReferralStatus.COMPLETED;
import static care.securebase.referrals.ReferralStatus.DECLINED;
import static care.securebase.referrals.ReferralStatus.DRAFT;
import static care.securebase.referrals.ReferralStatus.EXPIRED;
import static care.securebase.referrals.ReferralStatus.IN_PROGRESS;
import static care.securebase.referrals.ReferralStatus.RECEIVED;
import static care.securebase.referrals.ReferralStatus.SCHEDULED;
import static care.securebase.referrals.ReferralStatus.SENT;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.kit.problem.ConflictException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReferralStatusTest {

    /** The life cycle as the brief states it, written out independently of the enum's table. */
    private static final Map<ReferralStatus, Set<ReferralStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(SENT, CANCELLED),
            SENT, EnumSet.of(RECEIVED, ACCEPTED, DECLINED, CANCELLED, EXPIRED),
            RECEIVED, EnumSet.of(ACCEPTED, DECLINED, CANCELLED, EXPIRED),
            ACCEPTED, EnumSet.of(SCHEDULED, IN_PROGRESS, CANCELLED),
            SCHEDULED, EnumSet.of(SCHEDULED, IN_PROGRESS, COMPLETED, CANCELLED),
            IN_PROGRESS, EnumSet.of(COMPLETED, CANCELLED),
            DECLINED, EnumSet.noneOf(ReferralStatus.class),
            COMPLETED, EnumSet.noneOf(ReferralStatus.class),
            CANCELLED, EnumSet.noneOf(ReferralStatus.class),
            EXPIRED, EnumSet.noneOf(ReferralStatus.class));

    static Stream<Arguments> allowedMoves() {
        List<Arguments> moves = new ArrayList<>();
        ALLOWED.forEach((from, tos) -> tos.forEach(to -> moves.add(Arguments.of(from, to))));
        return moves.stream();
    }

    static Stream<Arguments> refusedMoves() {
        List<Arguments> moves = new ArrayList<>();
        for (ReferralStatus from : ReferralStatus.values()) {
            for (ReferralStatus to : ReferralStatus.values()) {
                if (!ALLOWED.get(from).contains(to)) {
                    moves.add(Arguments.of(from, to));
                }
            }
        }
        return moves.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} is allowed")
    @MethodSource("allowedMoves")
    void allowedMove(ReferralStatus from, ReferralStatus to) {
        assertTrue(from.canMoveTo(to));
        assertDoesNotThrow(() -> from.checkMoveTo(to));
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @MethodSource("refusedMoves")
    void refusedMove(ReferralStatus from, ReferralStatus to) {
        assertFalse(from.canMoveTo(to));
        assertThrows(ConflictException.class, () -> from.checkMoveTo(to));
    }

    @Test
    void everyPairIsCovered() {
        assertEquals(100, allowedMoves().count() + refusedMoves().count());
        assertEquals(20, allowedMoves().count());
    }

    @Test
    void terminalStatusesHaveNoWayOut() {
        assertEquals(EnumSet.of(DECLINED, COMPLETED, CANCELLED, EXPIRED),
                EnumSet.copyOf(Stream.of(ReferralStatus.values()).filter(ReferralStatus::terminal).toList()));
    }

    @ParameterizedTest
    @CsvSource({"DRAFT,draft,draft,draft", "SENT,requested,sent,active", "RECEIVED,received,received,active",
            "ACCEPTED,accepted,accepted,active", "DECLINED,rejected,declined,revoked",
            "SCHEDULED,accepted,scheduled,active", "IN_PROGRESS,in-progress,in-progress,active",
            "COMPLETED,completed,completed,completed", "CANCELLED,cancelled,cancelled,revoked",
            "EXPIRED,failed,expired,revoked"})
    void mapsToFhirTaskStatusAndBusinessStatus(ReferralStatus status, String task, String business, String request) {
        assertEquals(task, status.fhirTaskStatus());
        assertEquals(business, status.businessStatus());
        assertEquals(request, status.fhirRequestStatus());
    }

    @Test
    void fhirTaskStatusWithBusinessStatusIsDistinct() {
        assertEquals(ReferralStatus.values().length, Stream.of(ReferralStatus.values())
                .map(s -> s.fhirTaskStatus() + "/" + s.businessStatus()).distinct().count());
    }

    @ParameterizedTest
    @EnumSource(ReferralStatus.class)
    void declineCompletionAndSchedulingNeedTheirField(ReferralStatus status) {
        switch (status) {
            case DECLINED -> assertEquals("reason", status.requiredField());
            case COMPLETED -> assertEquals("outcome", status.requiredField());
            case SCHEDULED -> assertEquals("date", status.requiredField());
            default -> assertNull(status.requiredField());
        }
    }

    @Test
    void theOpenSetsAreWhatTheRulesSay() {
        assertEquals(EnumSet.of(DRAFT, SENT, RECEIVED, ACCEPTED, SCHEDULED, IN_PROGRESS), ReferralStatus.OPEN);
        assertEquals(EnumSet.of(SENT, RECEIVED, ACCEPTED, SCHEDULED, IN_PROGRESS), ReferralStatus.WITH_PARTNER);
        assertEquals(EnumSet.of(SENT, RECEIVED), ReferralStatus.UNANSWERED);
        for (ReferralStatus open : ReferralStatus.OPEN) {
            assertFalse(open.terminal(), open.name());
        }
    }

    @Test
    void eachSideMakesItsOwnMoves() {
        assertEquals(ReferralStatus.Party.CLINIC, SENT.movedBy());
        assertEquals(ReferralStatus.Party.CLINIC, CANCELLED.movedBy());
        for (ReferralStatus s : EnumSet.of(RECEIVED, ACCEPTED, DECLINED, SCHEDULED, IN_PROGRESS, COMPLETED)) {
            assertEquals(ReferralStatus.Party.PARTNER, s.movedBy(), s.name());
        }
        assertEquals(ReferralStatus.Party.SYSTEM, EXPIRED.movedBy());
    }
}

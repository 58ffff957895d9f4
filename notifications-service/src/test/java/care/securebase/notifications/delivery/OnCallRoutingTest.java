package care.securebase.notifications.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.RiskFlagRaised;
import care.securebase.notifications.StaffNoticeKind;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OnCallRoutingTest {

    static RiskFlagRaised flag(String level, String onCall) {
        return new RiskFlagRaised(UUID.randomUUID(), "northside", UUID.randomUUID(), level, "CSSRS_SCREEN", null,
                onCall);
    }

    @Test
    void aHighFlagWithSomeoneOnCallTellsThem() {
        OnCallRouting.OnFlag decision = OnCallRouting.onFlag(flag("HIGH", "clara"));
        assertEquals(new OnCallRouting.TellOnCall("clara"), decision);
        assertEquals(new OnCallRouting.TellOnCall("clara"), OnCallRouting.onFlag(flag(" high ", " clara ")));
    }

    @Test
    void aHighFlagWithNobodyOnCallIsRecordedAsSkipped() {
        assertInstanceOf(OnCallRouting.NobodyOnCall.class, OnCallRouting.onFlag(flag("HIGH", null)));
        assertInstanceOf(OnCallRouting.NobodyOnCall.class, OnCallRouting.onFlag(flag("HIGH", "  ")));
    }

    @Test
    void flagsBelowHighTellNobody() {
        for (String level : new String[] {"MODERATE", "LOW", null, "", "VERY-HIGH"}) {
            assertInstanceOf(OnCallRouting.NotUrgent.class, OnCallRouting.onFlag(flag(level, "clara")), level);
        }
    }

    @Test
    void aKnownAddressIsMailedAndAnUnknownOneSkipped() {
        assertEquals(new OnCallRouting.SendEmail("clara@securebase.test"),
                OnCallRouting.onSend(Optional.of(" clara@securebase.test ")));
        assertEquals(new OnCallRouting.Skip("no-staff-address"), OnCallRouting.onSend(Optional.empty()));
        assertEquals(new OnCallRouting.Skip("no-staff-address"), OnCallRouting.onSend(Optional.of(" ")));
    }

    @Test
    void aCheckInsRiskAnswerTellsTheOnCallClinicianWhateverTheLevel() {
        assertEquals(new OnCallRouting.TellOnCall("clara"), OnCallRouting.onCheckInRisk(" clara "));
        assertInstanceOf(OnCallRouting.NobodyOnCall.class, OnCallRouting.onCheckInRisk(null));
        assertInstanceOf(OnCallRouting.NobodyOnCall.class, OnCallRouting.onCheckInRisk(" "));
    }

    @Test
    void eachCheckInFlagHasItsNoticeAndAnUnknownOneNone() {
        assertEquals(Optional.of(StaffNoticeKind.CHECK_IN_RISK), StaffNoticeKind.ofCheckInFlag("RISK"));
        assertEquals(Optional.of(StaffNoticeKind.CHECK_IN_DETERIORATION), StaffNoticeKind.ofCheckInFlag(" deterioration "));
        assertEquals(Optional.of(StaffNoticeKind.CHECK_IN_WARNING_SIGNS), StaffNoticeKind.ofCheckInFlag("WARNING_SIGNS"));
        assertEquals(Optional.of(StaffNoticeKind.CHECK_INS_MISSED), StaffNoticeKind.ofCheckInFlag("MISSED"));
        assertEquals(Optional.empty(), StaffNoticeKind.ofCheckInFlag("SOMETHING_NEWER"));
        assertEquals(Optional.empty(), StaffNoticeKind.ofCheckInFlag(null));
        // Only the risk answer is the on-call path; the others wait in the clinician's inbox.
        assertTrue(StaffNoticeKind.CHECK_IN_RISK.onCall());
        assertTrue(StaffNoticeKind.ON_CALL_RISK.onCall());
        assertFalse(StaffNoticeKind.CHECK_IN_DETERIORATION.onCall());
        assertFalse(StaffNoticeKind.APPOINTMENT_CANCEL_REQUESTED.onCall());
    }
}

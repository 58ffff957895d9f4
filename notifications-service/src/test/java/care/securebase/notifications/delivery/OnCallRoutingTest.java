package care.securebase.notifications.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import care.securebase.events.RiskFlagRaised;
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
}

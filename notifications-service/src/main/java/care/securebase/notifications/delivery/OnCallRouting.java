package care.securebase.notifications.delivery;

import care.securebase.events.RiskFlagRaised;
import java.util.Locale;
import java.util.Optional;

/**
 * Who hears of a risk flag, and whether a notice can be sent. Pure, so every branch is unit-tested;
 * the service only carries the decision out.
 *
 * Only a HIGH flag makes an intake urgent enough to tell someone outside working routine; LOW and
 * MODERATE flags are the assigned clinician's business through the portal, so nothing is recorded
 * for them (the inbox entry alone says the event was seen).
 */
public final class OnCallRouting {

    public static final String HIGH = "HIGH";
    public static final String NOBODY_ON_CALL = "nobody-on-call";
    public static final String NO_STAFF_ADDRESS = "no-staff-address";

    public sealed interface OnFlag permits TellOnCall, NobodyOnCall, NotUrgent {
    }

    /** Record a notice to this staff id and send it at once. */
    public record TellOnCall(String staffId) implements OnFlag {
    }

    /** HIGH, but the clinic named nobody on call: recorded as SKIPPED so the gap is visible. */
    public record NobodyOnCall() implements OnFlag {
    }

    /** Not HIGH: no notice. */
    public record NotUrgent() implements OnFlag {
    }

    public sealed interface OnSend permits SendEmail, Skip {
    }

    public record SendEmail(String address) implements OnSend {
    }

    public record Skip(String reason) implements OnSend {
    }

    private OnCallRouting() {
    }

    public static OnFlag onFlag(RiskFlagRaised flag) {
        if (flag.level() == null || !HIGH.equals(flag.level().strip().toUpperCase(Locale.ROOT))) {
            return new NotUrgent();
        }
        String onCall = flag.onCallClinicianId();
        return onCall == null || onCall.isBlank() ? new NobodyOnCall() : new TellOnCall(onCall.strip());
    }

    /**
     * A risk item answered in a check-in is urgent by itself (no level to weigh): the on-call clinician is
     * told, or the gap is recorded when nobody is on call.
     */
    public static OnFlag onCheckInRisk(String onCallClinicianId) {
        return onCallClinicianId == null || onCallClinicianId.isBlank() ? new NobodyOnCall()
                : new TellOnCall(onCallClinicianId.strip());
    }

    /**
     * What the staff directory knows of the recipient: empty for an unknown staff id or one without an
     * e-mail address; either way there is nowhere to send it, and trying again will not change that.
     */
    public static OnSend onSend(Optional<String> address) {
        return address.map(String::strip).filter(a -> !a.isEmpty())
                .<OnSend>map(SendEmail::new)
                .orElseGet(() -> new Skip(NO_STAFF_ADDRESS));
    }
}

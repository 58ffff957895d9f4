package care.securebase.referrals;

import java.util.Set;

/**
 * The coded reasons and outcomes of a referral's steps. Codes travel in events and FHIR; the
 * optional free text that may come with them stays in this service.
 */
public final class ReferralCodes {

    private ReferralCodes() {
    }

    /** Why the partner declined. */
    public enum DeclineReason {
        NO_CAPACITY, NOT_ELIGIBLE, OUT_OF_AREA, SERVICE_NOT_SUITABLE, CLIENT_UNREACHABLE, CLIENT_DECLINED, OTHER
    }

    /** Why the referral was withdrawn. CONSENT_REVOKED and NO_RESPONSE are the system's, never a person's. */
    public enum CancelReason {
        CLIENT_WITHDREW, NO_LONGER_NEEDED, REFERRED_ELSEWHERE, ENTERED_IN_ERROR, CONSENT_REVOKED, OTHER
    }

    /** How the partner's work with the client ended. */
    public enum Outcome {
        GOALS_MET, ENGAGED, PARTIALLY_ENGAGED, DID_NOT_ENGAGE, CLIENT_WITHDREW, REFERRED_ON, OTHER
    }

    /** The code an EXPIRED step carries. */
    public static final String NO_RESPONSE = "NO_RESPONSE";

    /** Cancel reasons people may give; the rest are the system's. */
    public static final Set<CancelReason> SYSTEM_ONLY = Set.of(CancelReason.CONSENT_REVOKED);

    /** What a partner may be shown about the client and the referral, chosen per referral by the clinic. */
    public enum SharedItem { CLIENT_NAME, CONTACT_DETAILS, PREFERRED_LANGUAGE, REASON, HOPES }
}

package care.securebase.notifications;

/** Why a member of staff is told something; with the subject, variant and recipient a notice's natural key. */
public enum StaffNoticeKind {
    /** The clinic's on-call clinician: a client was flagged HIGH risk at intake and needs contact today. */
    ON_CALL_RISK("A new client needs contact today"),
    /** The client's clinician: a planned appointment was not attended. */
    MISSED_BOOSTER("A client missed a planned appointment"),
    /** The referring coordinator: a referral was not answered, or not started, in time. */
    REFERRAL_OVERDUE("A referral needs your attention"),
    /** The clinic's clinic-admins (inbox only): a client opted out of a channel. */
    CONTACT_OPTED_OUT("A client opted out of messages"),
    /** The clinic's clinic-admins (inbox only): a message could not be delivered after its last try. */
    DELIVERY_FAILED("A message could not be delivered"),
    /** A partner organisation's social workers (inbox only): a referral was sent to the organisation. */
    REFERRAL_RECEIVED("A new referral is waiting for your organisation"),
    /**
     * The clinic's on-call clinician (e-mail and inbox, at once, as {@link #ON_CALL_RISK}), and the client's
     * clinician (inbox): a risk item was answered positively in a check-in.
     */
    CHECK_IN_RISK("A client's check-in needs contact today"),
    /** The client's clinician (inbox only): reliable deterioration since the baseline or the last check-in. */
    CHECK_IN_DETERIORATION("A client's check-in shows a change to review"),
    /** The client's clinician (inbox only): warning signs of the plan ticked at or above its count. */
    CHECK_IN_WARNING_SIGNS("A client's check-in needs your review"),
    /** The client's clinician (inbox only): check-ins expired unanswered, several in a row. */
    CHECK_INS_MISSED("A client has missed their recent check-ins"),
    /** The client's clinician (inbox only): the client asked, by their reminder's link, to cancel a session. */
    APPOINTMENT_CANCEL_REQUESTED("A client asked to cancel a scheduled session");

    /** Whether it is the on-call clinician's notice of a risk: sent at once, its latency measured. */
    public boolean onCall() {
        return this == ON_CALL_RISK || this == CHECK_IN_RISK;
    }

    /** The notice a check-in flag's kind (RISK, DETERIORATION, WARNING_SIGNS, MISSED) calls for; empty if unknown. */
    public static java.util.Optional<StaffNoticeKind> ofCheckInFlag(String flag) {
        String kind = flag == null ? "" : flag.strip().toUpperCase(java.util.Locale.ROOT);
        return java.util.Optional.ofNullable(switch (kind) {
            case "RISK" -> CHECK_IN_RISK;
            case "DETERIORATION" -> CHECK_IN_DETERIORATION;
            case "WARNING_SIGNS" -> CHECK_IN_WARNING_SIGNS;
            case "MISSED" -> CHECK_INS_MISSED;
            default -> null;
        });
    }

    private final String title;

    StaffNoticeKind(String title) {
        this.title = title;
    }

    /** What the inbox shows; never anything clinical, never a name. */
    public String title() {
        return title;
    }
}

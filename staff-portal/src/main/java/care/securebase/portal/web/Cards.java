package care.securebase.portal.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The work each role has, as cards on the home page and links in the navigation. A role sees only
 * links it can use; the services still decide, page by page, what it may see.
 */
public final class Cards {

    public record Card(String title, String text, String href, String navLabel) {
    }

    static final Card CLIENTS = new Card("Clients", "Everyone registered at your clinic, newest first.",
            "/clients", "Clients");
    static final Card REGISTER = new Card("Register a client", "Add a new client and how to reach them.",
            "/clients/new", "Register");
    static final Card CASELOAD = new Card("Caseload", "Your clients: phase, next session, overdue notes and "
            + "flags to look at.", "/caseload", "Caseload");
    static final Card EPISODES = new Card("Episodes of care", "Phase, priority and risk of each episode; "
            + "start treatment or maintenance.", "/episodes", "Episodes");
    static final Card PROGRAMS = new Card("Community programs", "Partner programs clients can be referred to.",
            "/programs", "Programs");
    static final Card SEND_REFERRAL = new Card("Send a referral", "Refer a client to a partner program.",
            "/referrals/new", "Send referral");
    static final Card REFERRALS = new Card("Referrals", "Referrals your clinic sent, by status.",
            "/referrals", "Referrals");
    static final Card INBOX = new Card("Referral inbox", "Referrals sent to your organisation: accept, "
            + "decline, start and complete them.", "/referrals", "Inbox");
    static final Card REMINDERS = new Card("Booster reminders", "Reminders sent to clients before booster "
            + "sessions.", "/reminders", "Reminders");
    static final Card NOTICES = new Card("Partner notices", "Notices sent to partner organisations.",
            "/notices", "Notices");

    static final Card BOARD = new Card("Referral board", "Open referrals by status, overdue ones first.", "/board",
            "Board");
    static final Card OUR_PROGRAMS = new Card("Our programs", "Your organisation's programs: whether they take "
            + "referrals now and how much room they have.", "/our-programs", "Our programs");
    static final Card ADMIN = new Card("Clinic administration", "Clinic settings, failed notifications, the "
            + "note-access record and the directory.", "/admin", "Admin");

    static final Card URGENT = new Card("Urgent queue", "Clients waiting with urgent priority and everyone "
            + "with a high risk flag.", "/urgent", "Urgent");
    static final Card WAITLIST = new Card("Waitlist", "Who waits for a place, in order.", "/waitlist", "Waitlist");
    static final Card CLINICIANS = new Card("Clinicians", "Caseloads, limits and who is on call.", "/clinicians",
            "Clinicians");

    private static final Map<String, List<Card>> BY_ROLE = new LinkedHashMap<>();

    static {
        BY_ROLE.put(Roles.INTAKE_COORDINATOR, List.of(URGENT, CLIENTS, REGISTER, WAITLIST, CLINICIANS));
        BY_ROLE.put(Roles.CLINICIAN, List.of(CASELOAD, EPISODES));
        BY_ROLE.put(Roles.CARE_COORDINATOR, List.of(BOARD, REFERRALS, SEND_REFERRAL, PROGRAMS, CLIENTS));
        BY_ROLE.put(Roles.SOCIAL_WORKER, List.of(INBOX, OUR_PROGRAMS));
        BY_ROLE.put(Roles.CLINIC_ADMIN, List.of(CLIENTS, URGENT, WAITLIST, CLINICIANS, EPISODES, PROGRAMS, REFERRALS,
                REMINDERS, NOTICES, ADMIN));
    }

    private Cards() {
    }

    /** The cards of all the given roles, each page once, in role order. */
    public static List<Card> forRoles(Collection<String> roles) {
        List<Card> cards = new ArrayList<>();
        BY_ROLE.forEach((role, ofRole) -> {
            if (roles.contains(role)) {
                ofRole.stream()
                        .filter(card -> cards.stream().noneMatch(c -> c.href().equals(card.href())))
                        .forEach(cards::add);
            }
        });
        return List.copyOf(cards);
    }
}

package care.securebase.intake.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Why an existing client may be the person being registered; empty when there is no reason to think so. */
public final class DuplicateRules {

    public enum Reason { SAME_DATE_OF_BIRTH_AND_SIMILAR_NAME, SAME_EMAIL, SAME_PHONE }

    /** The identifying details compared: of the person being registered, or of an existing client. */
    public record Person(String legalName, String preferredName, LocalDate dateOfBirth, String email, String phone) {
    }

    private DuplicateRules() {
    }

    public static List<Reason> reasons(Person incoming, Person existing) {
        List<Reason> reasons = new ArrayList<>();
        if (incoming.dateOfBirth() != null && incoming.dateOfBirth().equals(existing.dateOfBirth())
                && (Names.close(incoming.legalName(), existing.legalName())
                || Names.close(incoming.legalName(), existing.preferredName())
                || Names.close(incoming.preferredName(), existing.legalName()))) {
            reasons.add(Reason.SAME_DATE_OF_BIRTH_AND_SIMILAR_NAME);
        }
        String email = Contacts.emailKey(incoming.email());
        if (email != null && Objects.equals(email, Contacts.emailKey(existing.email()))) {
            reasons.add(Reason.SAME_EMAIL);
        }
        String phone = Contacts.phoneKey(incoming.phone());
        if (phone != null && Objects.equals(phone, Contacts.phoneKey(existing.phone()))) {
            reasons.add(Reason.SAME_PHONE);
        }
        return reasons;
    }
}

package care.securebase.intake.matching;

import java.util.Locale;

/** Comparable keys for e-mail addresses and phone numbers however they were typed. */
public final class Contacts {

    /** Enough digits to tell numbers apart while ignoring the +44 / 0 prefix difference. */
    static final int PHONE_DIGITS = 9;
    static final int MIN_PHONE_DIGITS = 6;

    private Contacts() {
    }

    public static String emailKey(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** "+44 20 7946 0000" and "020 7946-0000" share the key "079460000" (the last nine digits). */
    public static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < MIN_PHONE_DIGITS) {
            return null;
        }
        return digits.length() > PHONE_DIGITS ? digits.substring(digits.length() - PHONE_DIGITS) : digits;
    }
}

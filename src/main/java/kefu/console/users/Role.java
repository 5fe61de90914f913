package kefu.console.users;

import java.util.Locale;
import java.util.Optional;

/** What a console account may do: staff see conversations and tickets; admins also edit the help center and users. */
public enum Role {
    STAFF, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> find(String name) {
        for (Role r : values()) {
            if (r.name().equals(name == null ? "" : name.toUpperCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}

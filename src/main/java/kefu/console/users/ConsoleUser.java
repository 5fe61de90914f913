package kefu.console.users;

import java.time.Instant;

/** A console account as stored: the bcrypt hash only, never the password. */
public record ConsoleUser(String name, Role role, String passwordHash, Instant created) {

    @Override
    public String toString() {
        return "ConsoleUser[name=" + name + ", role=" + role + ", created=" + created + "]";
    }
}

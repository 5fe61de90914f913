package kefu.console.admin;

import kefu.console.audit.AuditLog;
import kefu.console.users.ConsoleUsers;
import kefu.console.users.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;

/** Admins only ({@code /console/admin/**}): console accounts and the audit log of every console action. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AdminController {

    private final ConsoleUsers users;
    private final AuditLog audit;

    public AdminController(ConsoleUsers users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/console/admin/users")
    public String users(Model model) {
        model.addAttribute("page", "users");
        model.addAttribute("users", users.list());
        model.addAttribute("audit", audit.latest(200));
        return "console/users";
    }

    @PostMapping("/console/admin/users")
    public String add(@RequestParam String name, @RequestParam String role, @RequestParam String password,
                      Principal me, RedirectAttributes flash) {
        Role r = Role.find(role).orElse(Role.STAFF);
        try {
            users.put(name.strip(), r, password);
            audit.record(me.getName(), "user.add", name.strip(), r.name());
            flash.addFlashAttribute("ok", name.strip());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/admin/users";
    }

    @PostMapping("/console/admin/users/remove")
    public String remove(@RequestParam String name, Principal me, RedirectAttributes flash) {
        if (name.equals(me.getName())) {
            flash.addFlashAttribute("error", "you cannot remove yourself");
        } else if (users.remove(name)) {
            audit.record(me.getName(), "user.remove", name, "");
        }
        return "redirect:/console/admin/users";
    }
}

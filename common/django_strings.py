"""Strings of Django's admin and the third-party apps it shows that their Vietnamese catalogues leave in English.

Listed here so `makemessages` keeps them in the project's catalogue, which Django reads before
its own (LOCALE_PATHS first): the Vietnamese admin then shows no English. Plural entries must
be plural here too ("Please correct the error below." is looked up with its plural form).
"""

from django.utils.translation import gettext_noop, ngettext, pgettext

DJANGO_GAPS = [
    # django.contrib.admin
    gettext_noop("Select this object for an action - {}"),
    # ... and those it translates wrongly or half in English ("Bởi", "Click vào đây", "superuser")
    gettext_noop(" By %(filter_title)s "),
    gettext_noop("superuser status"),
    gettext_noop("Click here to select the objects across all pages"),
    gettext_noop("Breadcrumbs"),
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_noop("Error:"),
    gettext_noop("Set password"),
    gettext_noop("This action will <strong>enable</strong> password-based authentication for this user."),
    gettext_noop("Disable password-based authentication"),
    gettext_noop("Enable password-based authentication"),
    gettext_noop("Skip to main content"),
    gettext_noop("Hide counts"),
    gettext_noop("Show counts"),
    gettext_noop("Toggle theme (current theme: auto)"),
    gettext_noop("Toggle theme (current theme: light)"),
    gettext_noop("Toggle theme (current theme: dark)"),
    gettext_noop("Added:"),
    gettext_noop("Changed:"),
    gettext_noop("Deleted:"),
    gettext_noop("Forgotten your login credentials?"),
    gettext_noop("Toggle navigation"),
    gettext_noop("Sidebar"),
    gettext_noop("Filter navigation items"),
    gettext_noop("View selected %(model)s"),
    gettext_noop("In case you’ve forgotten, you are:"),
    gettext_noop("Select all objects on this page for an action"),
    # django.contrib.auth (user admin)
    gettext_noop("Password-based authentication"),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop("Reset password"),
    gettext_noop("Conflicting form data submitted. Please try again."),
    # django (forms and pages the admin shows)
    gettext_noop("Enter a complete value."),
    gettext_noop("That page number is not an integer"),
    gettext_noop("That page number is less than 1"),
    gettext_noop("That page contains no results"),
    gettext_noop("Null characters are not allowed."),
    gettext_noop("Constraint “%(name)s” is violated."),
    gettext_noop("Forbidden"),
    gettext_noop("CSRF verification failed. Request aborted."),
    gettext_noop("“%(pk)s” is not a valid value."),
    gettext_noop("Enter a valid duration."),
    gettext_noop("Enter a valid JSON."),
    gettext_noop("Messages"),
    # third-party apps in the admin's navigation (django-auditlog, django-axes)
    gettext_noop("Audit log"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    # django.contrib.admin (log entries without a message)
    gettext_noop("LogEntry Object"),
    gettext_noop("%(class_name)s %(instance)s"),
    # django.contrib.auth (user form, password hashers and validators)
    gettext_noop("Password-based authentication was disabled."),
    gettext_noop("Set password: %s"),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If disabled, they may "
        "still be able to authenticate using other backends, such as Single Sign-On or LDAP."
    ),
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_noop("Enable password-based authentication for this user by setting a password."),
    gettext_noop("Email"),
    gettext_noop("variety"),
    gettext_noop("memory cost"),
    gettext_noop("time cost"),
    gettext_noop("parallelism"),
    gettext_noop("block size"),
    gettext_noop(
        "Enter a valid username. This value may contain only unaccented lowercase a-z and uppercase "
        "A-Z letters, numbers, and @/./+/-/_ characters."
    ),
    # django.contrib.contenttypes
    gettext_noop("Content type %(ct_id)s object %(obj_id)s doesn’t exist"),
    gettext_noop("%(ct_name)s objects don’t have a get_absolute_url() method"),
    # django.contrib.sessions
    gettext_noop("Sessions"),
    gettext_noop("session key"),
    gettext_noop("session data"),
    # django-import-export
    gettext_noop("%s through import_export"),
    gettext_noop("Import finished: {} new, {} updated, {} deleted and {} skipped {}."),
    gettext_noop(
        "%(exc_name)s encountered while trying to read file. Ensure you have chosen the correct format for the file."
    ),
    gettext_noop("No valid data to import. Ensure your file has the correct headers or data for import."),
    gettext_noop("Export selected %(verbose_name_plural)s"),
    gettext_noop("export failed due to IllegalCharacterError"),
    gettext_noop("Resource"),
    gettext_noop("Format"),
    gettext_noop("File to import"),
    gettext_noop("Form is not validated, call `is_valid` first"),
    gettext_noop('Select at least 1 field for "%(resource_name)s" to export'),
    gettext_noop(
        "The following fields are declared in 'import_id_fields' but are not present in the resource fields: %s"
    ),
    gettext_noop("The following fields are declared in 'import_id_fields' but are not present in the file headers: %s"),
    gettext_noop("call to force_str() on instance failed: %s"),
    gettext_noop(
        "Below is a preview of data to be imported. If you are satisfied with the results, click 'Confirm import'"
    ),
    gettext_noop("Line number"),
    gettext_noop("Some rows failed to validate"),
    gettext_noop("Please correct these errors in your data where possible, then reupload it using the form above."),
    gettext_noop("Non field specific"),
    gettext_noop("New"),
    gettext_noop("Skipped"),
    gettext_noop("Update"),
    gettext_noop("This importer will import the following fields: "),
    gettext_noop("Value could not be parsed."),
    gettext_noop("use_natural_foreign_keys and key_is_id cannot both be True"),
    # django-axes
    gettext_noop("Form Data"),
    gettext_noop("Meta Data"),
    gettext_noop("Account locked: too many login attempts. Please try again later."),
    gettext_noop("Account locked: too many login attempts. Contact an admin to unlock your account."),
    gettext_noop("User Agent"),
    gettext_noop("IP Address"),
    gettext_noop("Username"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Path"),
    gettext_noop("Attempt Time"),
    gettext_noop("Access lock out"),
    gettext_noop("GET Data"),
    gettext_noop("POST Data"),
    gettext_noop("Failed Logins"),
    gettext_noop("Logout Time"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("Locked Out"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Not set"),
    gettext_noop("Attempt Remaining"),
    gettext_noop("Access Attempt"),
    gettext_noop("Expires At"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    # Django's Vietnamese that reads wrong in the admin, corrected here (our catalogue comes first):
    # "Thêm vào" is "add into", and "Các nhóm" doubles with the actions' "Xóa các … đã chọn".
    gettext_noop("Add"),
    gettext_noop("Add %(name)s"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("groups"),
    gettext_noop("users"),
    # "Bản ghi nhớ" (a memorandum, an MoU) on every object's history button; "Các mô models trong"
    # half translated on the index's tooltips.
    gettext_noop("History"),
    gettext_noop("Models in the %(name)s application"),
    # django-auditlog (Django's Vietnamese calls its log entries "đăng nhập", logins)
    gettext_noop("log entry"),
    gettext_noop("log entries"),
    gettext_noop("Changes"),
    gettext_noop("Resource Type"),
    gettext_noop("Correlation ID"),
    gettext_noop("Click to filter by records with this correlation id"),
    gettext_noop("Created"),
    gettext_noop("Audit log: %s"),
    gettext_noop("create"),
    gettext_noop("update"),
    gettext_noop("delete"),
    gettext_noop("access"),
    gettext_noop("object pk"),
    gettext_noop("object representation"),
    gettext_noop("action"),
    gettext_noop("actor"),
    gettext_noop("remote address"),
    gettext_noop("remote port"),
    gettext_noop("timestamp"),
    gettext_noop("additional data"),
    gettext_noop("actor email"),
    gettext_noop("Created {repr:s}"),
    gettext_noop("Updated {repr:s}"),
    gettext_noop("Deleted {repr:s}"),
    gettext_noop("Logged {repr:s}"),
    gettext_noop("Field"),
    gettext_noop("Relationship"),
    gettext_noop("system"),
    gettext_noop("No field changes"),
    gettext_noop("No log entries found."),
    # django-concurrency
    gettext_noop("No %(name)s were changed due conflict errors"),
    gettext_noop("Record has been modified or no version value passed"),
    gettext_noop("Version field is set (%s) but record has not `pk`."),
    gettext_noop("Version number is missing or has been tampered with"),
    gettext_noop("record revision number"),
    gettext_noop("Record Modified"),
    gettext_noop("Yes, I'm sure"),
    gettext_noop("Record has been modified"),
    # django-prose-editor (server side)
    gettext_noop("Title"),
    # The organisers' groups (common/roles.py): stored by these names, listed translated (common/admin.py)
    gettext_noop("Protocol"),
    gettext_noop("Content editors"),
    gettext_noop("Press office"),
    gettext_noop("Exhibitor services"),
    # django-tasks and its database backend (no catalogue of their own)
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
    gettext_noop("enqueued at"),
    gettext_noop("started at"),
    gettext_noop("finished at"),
    gettext_noop("args kwargs"),
    gettext_noop("task path"),
    gettext_noop("worker id"),
    gettext_noop("queue name"),
    gettext_noop("backend name"),
    gettext_noop("run after"),
    gettext_noop("return value"),
    gettext_noop("exception class path"),
    gettext_noop("traceback"),
    # django-otp (its forms and throttling messages; the admin and the portal use their own forms)
    gettext_noop("Error generating challenge: {0}"),
    gettext_noop("Get OTP Challenge"),
    gettext_noop("Invalid token. Please make sure you have entered it correctly."),
    gettext_noop("OTP Challenge: {0}"),
    gettext_noop("OTP Device:"),
    gettext_noop("OTP Token:"),
    gettext_noop("Please enter your OTP token."),
    gettext_noop("The selected OTP device is not interactive"),
    gettext_noop("Token generation cooldown period has not expired yet. Next generation allowed %s."),
    gettext_noop("Token generation is not allowed at this time"),
    gettext_noop("Verification of the token is currently disabled"),
    gettext_noop("sent by email"),
]


def _plural_gaps(count):
    """Never called: makes `makemessages` keep the plural entries."""
    return [
        ngettext("Please correct the error below.", "Please correct the errors below.", count),
        ngettext("entry", "entries", count),
        ngettext("Please submit at most %(num)d form.", "Please submit at most %(num)d forms.", count),
        ngettext("Please submit at least %(num)d form.", "Please submit at least %(num)d forms.", count),
        ngettext(
            "This password is too short. It must contain at least %d character.",
            "This password is too short. It must contain at least %d characters.",
            count,
        ),
        ngettext(
            "Verification temporarily disabled because of %(failure_count)d failed attempt, please try again soon.",
            "Verification temporarily disabled because of %(failure_count)d failed attempts, please try again soon.",
            count,
        ),
        ngettext(
            "Record with pk `{0}` has been modified and was not updated",
            "Records `{0}` have been modified and were not updated",
            count,
        ),
    ]


def _context_gaps():
    """Never called: makes `makemessages` keep the entries with a context (django-tasks' statuses)."""
    return [
        pgettext("Task", "Ready"),
        pgettext("Task", "Running"),
        pgettext("Task", "Failed"),
        pgettext("Task", "Successful"),
    ]

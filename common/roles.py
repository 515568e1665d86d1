"""The organisers' groups and the permissions each holds.

Each app's data migration calls `grant()` with the permissions its own models need, so a
group's rights grow as issues land, and a fresh database always gets the same groups.
"""

from django.contrib.auth.management import create_permissions

PROTOCOL = "Protocol"
CONTENT_EDITORS = "Content editors"
PRESS_OFFICE = "Press office"
# Vets the people who will be inside the show (exhibitors' stand staff, badges) and reviews exhibits'
# declarations (weapons, energetic material, export control): an accreditation and safety check kept
# apart from Protocol, whose members see foreign officials' data. Its permissions approve, so its
# members sign in to the admin with TOTP (portal.access.APPROVING_PERMISSIONS).
SECURITY = "Security"
# Invites and removes exhibitors' portal contacts, sees their addresses, answers their mail
# (docs/portal.md "Access": why not the content editors).
EXHIBITOR_SERVICES = "Exhibitor services"
GROUPS = (PROTOCOL, CONTENT_EDITORS, PRESS_OFFICE, SECURITY, EXHIBITOR_SERVICES)


def model_permissions(app_label, *models, actions=("add", "change", "delete", "view")):
    """["app.add_model", "app.change_model", …] for each model and action."""
    return [f"{app_label}.{action}_{model}" for model in models for action in actions]


def grant(apps, grants):
    """Give each group in `grants` ({group name: ["app_label.codename", …]}) those permissions.

    Meant for data migrations: `apps` is the migration's app registry. Permissions are
    normally created after migrate finishes, so they are created here first.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    named = {perm.split(".", 1)[0] for perms in grants.values() for perm in perms}
    for app_config in apps.get_app_configs():
        if app_config.label not in named:
            continue
        # A migration's app configs have no models module, which create_permissions skips.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    for group_name, perms in grants.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for perm in perms:
            app_label, codename = perm.split(".", 1)
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def revoke(apps, grants):
    Group = apps.get_model("auth", "Group")
    for group_name, perms in grants.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for perm in perms:
            app_label, codename = perm.split(".", 1)
            group.permissions.remove(*group.permissions.filter(content_type__app_label=app_label, codename=codename))

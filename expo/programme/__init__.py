"""The programme: admin, services, public pages and exports of ProgrammeItem."""

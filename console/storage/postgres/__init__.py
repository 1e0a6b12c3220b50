"""The PostgreSQL implementation of the repositories: the team's shared store.

Only the console server opens it (issue 15): consoles never hold database credentials.
Every job runs on a pooled connection in one transaction; writes run SERIALIZABLE and are
retried on a serialization failure, so a job that reads and then writes always acts on
the latest committed state, whatever other servers or consoles do at the same moment.
"""

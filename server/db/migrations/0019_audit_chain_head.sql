-- An audited write took three round trips for its audit entry: the chain's lock, a read of the
-- chain's head, the insert. This function takes the lock and reads the head in one call. It is
-- VOLATILE, so its SELECT runs with a snapshot taken after the lock was granted: it sees the entry
-- the previous holder committed (a single statement "lock, then read" would not).
CREATE FUNCTION audit_chain_head(lock_key bigint) RETURNS TABLE (id bigint, hash text)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  RETURN QUERY SELECT l.id, l.hash FROM audit_log l ORDER BY l.id DESC LIMIT 1;
END
$$;

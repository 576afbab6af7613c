import { useEffect, useState } from "react";
import type { LedgerHost, MemberList } from "../../hosts/ledgerHost";

export interface MembersState {
  /** The registry's members; null while they are read or when they could not be. */
  list: MemberList | null;
  error: string | null;
  loading: boolean;
}

/**
 * The registry's members for the forms (host.members()), read when the panel opens (so a registry
 * normalised on another tab is read afresh). An answer is kept with the host it came from, so a
 * late answer for another workbook is never shown.
 */
export function useMembers(host: LedgerHost): MembersState {
  const [got, setGot] = useState<{
    host: LedgerHost;
    list: MemberList | null;
    error: string | null;
  } | null>(null);
  useEffect(() => {
    let live = true;
    host.members().then(
      (list) => live && setGot({ host, list, error: null }),
      (e: unknown) =>
        live && setGot({ host, list: null, error: e instanceof Error ? e.message : String(e) })
    );
    return () => {
      live = false;
    };
  }, [host]);
  const current = got?.host === host ? got : null;
  return { list: current?.list ?? null, error: current?.error ?? null, loading: !current };
}

//! The query shapes the store repeats, written once (after the `ConnExt`
//! of Mozilla's application-services `sql-support`).
//!
//! The names differ from rusqlite's own `query_row` and `query_one`, which
//! are inherent methods of `Connection` and would win over these.
//!
//! Each prepares through the connection's statement cache (sized to hold
//! every statement the store uses) and turns rusqlite's errors into the
//! store's as the `?` operator always did ([`Error::from`]): a full disk is
//! [`Error::Full`], an unreadable typed value [`Error::Inconsistent`].
//! The row mapper may fail with a rusqlite error or the store's own.

use rusqlite::{Connection, Params, Row};

use crate::error::{Error, Result};

/// Query helpers on a connection (and, through `Deref`, a transaction).
pub(super) trait ConnExt {
    /// Every row `sql` returns for `params`, each mapped by `map`, in order.
    fn query_rows<T, E, P, F>(&self, sql: &str, params: P, map: F) -> Result<Vec<T>>
    where
        P: Params,
        F: FnMut(&Row<'_>) -> std::result::Result<T, E>,
        Error: From<E>;

    /// The first row `sql` returns, mapped by `map`; `None` when there is none.
    fn query_optional<T, E, P, F>(&self, sql: &str, params: P, map: F) -> Result<Option<T>>
    where
        P: Params,
        F: FnOnce(&Row<'_>) -> std::result::Result<T, E>,
        Error: From<E>;

    /// The first row `sql` returns, mapped by `map`, for queries that
    /// always return one (aggregates, pragmas); none is a storage error.
    fn query_single<T, E, P, F>(&self, sql: &str, params: P, map: F) -> Result<T>
    where
        P: Params,
        F: FnOnce(&Row<'_>) -> std::result::Result<T, E>,
        Error: From<E>;
}

impl ConnExt for Connection {
    fn query_rows<T, E, P, F>(&self, sql: &str, params: P, mut map: F) -> Result<Vec<T>>
    where
        P: Params,
        F: FnMut(&Row<'_>) -> std::result::Result<T, E>,
        Error: From<E>,
    {
        let mut stmt = self.prepare_cached(sql)?;
        let mut rows = stmt.query(params)?;
        let mut all = Vec::new();
        while let Some(row) = rows.next()? {
            all.push(map(row)?);
        }
        Ok(all)
    }

    fn query_optional<T, E, P, F>(&self, sql: &str, params: P, map: F) -> Result<Option<T>>
    where
        P: Params,
        F: FnOnce(&Row<'_>) -> std::result::Result<T, E>,
        Error: From<E>,
    {
        let mut stmt = self.prepare_cached(sql)?;
        let mut rows = stmt.query(params)?;
        match rows.next()? {
            Some(row) => Ok(Some(map(row)?)),
            None => Ok(None),
        }
    }

    fn query_single<T, E, P, F>(&self, sql: &str, params: P, map: F) -> Result<T>
    where
        P: Params,
        F: FnOnce(&Row<'_>) -> std::result::Result<T, E>,
        Error: From<E>,
    {
        self.query_optional(sql, params, map)?
            .ok_or_else(|| Error::Sqlite(rusqlite::Error::QueryReturnedNoRows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE n (v INTEGER); INSERT INTO n VALUES (1), (2), (3);")
            .unwrap();
        conn
    }

    #[test]
    fn rows_come_back_in_order_and_none_is_empty() {
        let conn = numbers();
        let all: Vec<i64> = conn
            .query_rows("SELECT v FROM n ORDER BY v", [], |r| r.get(0))
            .unwrap();
        assert_eq!(all, [1, 2, 3]);
        let none: Vec<i64> = conn
            .query_rows("SELECT v FROM n WHERE v > ?1", [9], |r| r.get(0))
            .unwrap();
        assert!(none.is_empty());
    }

    #[test]
    fn optional_and_one_tell_missing_rows_apart() {
        let conn = numbers();
        let missing: Option<i64> = conn
            .query_optional("SELECT v FROM n WHERE v = ?1", [9], |r| r.get(0))
            .unwrap();
        assert_eq!(missing, None);
        let count: i64 = conn
            .query_single("SELECT count(*) FROM n", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 3);
        let err = conn
            .query_single("SELECT v FROM n WHERE v = ?1", [9], |r| r.get::<_, i64>(0))
            .unwrap_err();
        assert!(matches!(
            err,
            Error::Sqlite(rusqlite::Error::QueryReturnedNoRows)
        ));
    }

    #[test]
    fn a_mapper_may_fail_with_the_store_error() {
        let conn = numbers();
        let err = conn
            .query_rows("SELECT v FROM n ORDER BY v", [], |r| {
                let v: i64 = r.get(0)?;
                if v == 2 {
                    return Err(Error::Inconsistent("two".into()));
                }
                Ok(v)
            })
            .unwrap_err();
        assert!(matches!(err, Error::Inconsistent(m) if m == "two"));
    }
}

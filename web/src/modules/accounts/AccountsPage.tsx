import { useState } from "react";
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { apiPatch, listItems } from "../../api/client";
import type { Account, Page } from "../../api/types";
import { useApiQuery } from "../../api/useApiQuery";
import { describeError, ErrorResult } from "../../components/ErrorResult";
import { formatTime } from "../../components/formatTime";
import { RoleTags } from "../../components/RoleTags";
import { ability } from "../../session/abilities";
import { useSession } from "../../session/SessionContext";
import { AccountFormModal } from "./AccountFormModal";

const pageSize = 20;

/** Accounts with their role grants; admins create, edit roles, disable and enable. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState("");
  const { data, error, loading, reload } = useApiQuery<Page<Account>>("/accounts", {
    q: filter.trim(),
    page,
    pageSize,
  });
  const [editing, setEditing] = useState<Account | null | undefined>(undefined);
  const manage = can(ability.accountsManage);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  const accounts = listItems(data);
  const total = data?.total ?? 0;

  const setDisabled = async (account: Account, disabled: boolean) => {
    try {
      await apiPatch(`/accounts/${account.id}`, { version: account.version, disabled });
      message.success(disabled ? t("account.disabledDone") : t("account.enabledDone"));
    } catch (caught) {
      message.error(describeError(caught, t));
    }
    reload();
  };

  return (
    <Space orientation="vertical" size="middle" className="page-stack">
      <div className="page-heading">
        <Typography.Title level={4}>{t("account.title")}</Typography.Title>
        {manage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="account-create">
            {t("account.create")}
          </Button>
        ) : null}
      </div>
      <Card size="small">
        <Input.Search
          allowClear
          placeholder={t("account.filterPlaceholder")}
          onSearch={(value) => {
            setFilter(value);
            setPage(1);
          }}
          className="filter-input"
          data-testid="account-filter"
        />
        <Table<Account>
          size="small"
          rowKey="id"
          loading={loading}
          dataSource={accounts}
          data-testid="accounts-table"
          pagination={{
            current: page,
            pageSize,
            total,
            hideOnSinglePage: true,
            showSizeChanger: false,
            onChange: setPage,
          }}
          columns={[
            {
              title: t("account.username"),
              dataIndex: "username",
              render: (username: string) => <span className="mono">{username}</span>,
            },
            { title: t("account.displayName"), dataIndex: "displayName" },
            {
              title: t("account.roles"),
              dataIndex: "roles",
              render: (roles: Account["roles"]) => <RoleTags roles={roles} />,
            },
            {
              title: t("account.status"),
              key: "status",
              render: (_: unknown, account) =>
                account.disabled ? (
                  <Tag color="red">{t("account.disabled")}</Tag>
                ) : (
                  <Tag color="green">{t("account.active")}</Tag>
                ),
            },
            {
              title: t("account.createdAt"),
              dataIndex: "createdAt",
              className: "nowrap",
              render: (value?: string) => formatTime(value),
            },
            ...(manage
              ? [
                  {
                    title: t("action.actions"),
                    key: "actions",
                    render: (_: unknown, account: Account) => (
                      <Space size={0}>
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setEditing(account)}
                          data-testid={`account-edit-${account.username}`}
                        >
                          {t("account.editRoles")}
                        </Button>
                        <Popconfirm
                          title={account.disabled ? t("account.enableConfirm") : t("account.disableConfirm")}
                          okText={t("action.confirm")}
                          cancelText={t("action.cancel")}
                          onConfirm={() => setDisabled(account, !account.disabled)}
                        >
                          <Button
                            type="link"
                            size="small"
                            danger={!account.disabled}
                            data-testid={`account-toggle-${account.username}`}
                          >
                            {account.disabled ? t("account.enable") : t("account.disable")}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing !== undefined ? (
        <AccountFormModal
          account={editing}
          open
          onClose={() => setEditing(undefined)}
          onReload={() => {
            setEditing(undefined);
            reload();
          }}
          onSaved={() => {
            setEditing(undefined);
            reload();
          }}
        />
      ) : null}
    </Space>
  );
}

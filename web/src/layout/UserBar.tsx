import { Button, Space, Typography } from "antd";
import { LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { useNavigate } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { RoleTags } from "../components/RoleTags";
import { useSession } from "../session/SessionContext";
import { LanguageSwitch } from "./LanguageSwitch";

/** Header right side: who is signed in, their roles with 镇区/department scope, language, logout. */
export function UserBar() {
  const { t } = useTranslation();
  const { user, logout } = useSession();
  const navigate = useNavigate();
  if (!user) return null;
  return (
    <Space size="middle" className="user-bar">
      <Space size={4}>
        <UserOutlined />
        <Typography.Text strong data-testid="user-name">
          {user.displayName || user.username}
        </Typography.Text>
      </Space>
      <span data-testid="user-roles">
        <RoleTags roles={user.roles} />
      </span>
      <LanguageSwitch />
      <Button
        size="small"
        icon={<LogoutOutlined />}
        data-testid="logout"
        onClick={() => void logout().then(() => navigate("/login", { replace: true }))}
      >
        {t("nav.logout")}
      </Button>
    </Space>
  );
}
